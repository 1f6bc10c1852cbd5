using FluentValidation;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Application.Knowledge;
using LeadsAgent.Web.Components.Forms;
using LeadsAgent.Web.Endpoints;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Knowledge;

public partial class KnowledgeEntryForm
{
    /// <summary>The fields the owner edits; the API's <see cref="KnowledgeRequest"/> is made from them.</summary>
    public sealed class EntryForm
    {
        public string Title { get; set; } = "";
        public string Content { get; set; } = "";
    }

    [Inject] IValidator<KnowledgeRequest> Validator { get; set; } = default!;
    [Inject] SaveKnowledgeEntry Save { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;
    [Inject] IDialogService Dialogs { get; set; } = default!;

    /// <summary>The entry edited, or null for a new one.</summary>
    [Parameter] public Guid? EntryId { get; set; }
    [Parameter] public string Title { get; set; } = "";
    [Parameter] public string Content { get; set; } = "";

    /// <summary>Called with the entry's id once it is saved.</summary>
    [Parameter] public EventCallback<Guid> OnSaved { get; set; }

    /// <summary>Called when the owner closes the form (after agreeing to lose unsaved changes).</summary>
    [Parameter] public EventCallback OnClose { get; set; }

    MudForm? _form;
    FormRules<EntryForm, KnowledgeRequest> _rules = default!;
    EntryForm _model = new();
    EntryForm _saved = new();
    bool _valid;
    bool _saving;
    bool _upgrade;
    string? _error;
    int _tab;

    bool Dirty => _model.Title != _saved.Title || _model.Content != _saved.Content;

    protected override async Task OnInitializedAsync()
    {
        _rules = new FormRules<EntryForm, KnowledgeRequest>(Validator, f => new KnowledgeRequest(f.Title, f.Content))
            .Label(nameof(EntryForm.Title), "The title")
            .Label(nameof(EntryForm.Content), "The answer");
        _saved = new EntryForm { Title = Title, Content = Content };
        _model = new EntryForm { Title = Title, Content = Content };
        await ChangedAsync();
    }

    async Task ChangedAsync()
    {
        _error = null;
        _valid = (await _rules.ValidateAsync(_model)).Count == 0;
    }

    async Task SaveAsync()
    {
        await ChangedAsync();
        if (!_valid || _saving)
        {
            await (_form?.ValidateAsync() ?? Task.CompletedTask);
            return;
        }

        _saving = true;
        try
        {
            var id = await Save.HandleAsync(EntryId, _model.Title, _model.Content);
            _saved = new EntryForm { Title = _model.Title, Content = _model.Content };
            Snackbar.Add(EntryId is null ? $"Added “{_model.Title.Trim()}”. Your agent can use it right away." : "Saved. Your agent uses the new answer right away.", MudBlazor.Severity.Success);
            await OnSaved.InvokeAsync(id);
        }
        catch (PlanUpgradeRequiredException ex)
        {
            (_error, _upgrade) = (ex.Message + " Delete an entry you no longer need, or upgrade.", true);
        }
        catch (NotFoundException)
        {
            (_error, _upgrade) = ("This entry was deleted meanwhile (perhaps in another window). Close this and add it again.", false);
        }
        catch (DomainException ex)
        {
            (_error, _upgrade) = (ex.Message, false);
        }
        finally
        {
            _saving = false;
        }
    }

    async Task ResetAsync()
    {
        _model = new EntryForm { Title = _saved.Title, Content = _saved.Content };
        await ChangedAsync();
        if (_form is not null) { await _form.ResetValidationAsync(); }
    }

    async Task CancelAsync()
    {
        if (Dirty && !await Dialogs.ConfirmAsync("Close without saving?", "Your changes to this entry are not saved yet. If you close it now, they are lost.",
                yes: "Close without saving", no: "Keep editing"))
        {
            return;
        }

        _saved = _model;
        await OnClose.InvokeAsync();
    }
}
