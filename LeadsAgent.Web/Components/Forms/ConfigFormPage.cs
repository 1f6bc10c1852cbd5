using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Web.Application.Settings;
using LeadsAgent.Web.Endpoints;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Web.Components.Forms;

/// <summary>A form over part of the agent's configuration: made from it, sent as the API's update request.</summary>
public interface IConfigForm<TSelf> where TSelf : class, IConfigForm<TSelf>
{
    static abstract TSelf From(AgentConfig config);

    static abstract FormRules<TSelf, UpdateConfigRequest> Rules(IValidator<UpdateConfigRequest> validator);

    TSelf Copy();

    UpdateConfigRequest ToRequest();
}

/// <summary>
/// A settings page that edits the agent's configuration (chat, voice): loads it, validates with the API's own
/// validator while the owner types, saves through the same use case as the API, and knows whether anything changed.
/// </summary>
public abstract class ConfigFormPage<TForm> : ComponentBase where TForm : class, IConfigForm<TForm>
{
    [Inject] protected SettingsQueries Queries { get; set; } = default!;
    [Inject] UpdateAgentConfig Update { get; set; } = default!;
    [Inject] IValidator<UpdateConfigRequest> Validator { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;

    protected SettingsSnapshot? _snapshot;
    protected FormRules<TForm, UpdateConfigRequest> _rules = default!;
    protected MudForm? _mudForm;
    protected TForm _form = default!;
    protected TForm _saved = default!;
    protected bool _valid = true;
    protected bool _saving;

    protected bool Dirty => _snapshot is not null && !_form.Equals(_saved);

    /// <summary>What the snackbar says once saved: when the change takes effect.</summary>
    protected abstract string SavedMessage { get; }

    protected override async Task OnInitializedAsync()
    {
        _rules = TForm.Rules(Validator);
        _snapshot = await Queries.LoadAsync();
        _saved = TForm.From(_snapshot.Config);
        _form = _saved.Copy();
    }

    /// <summary>Whether the form can be saved; a page adds its own checks to the API's rules.</summary>
    protected virtual async Task RecheckAsync() => _valid = (await _rules.ValidateAsync(_form)).Count == 0;

    /// <summary>Page state that belongs to the unsaved form (notes about automatic changes) and ends with it.</summary>
    protected virtual void OnFormReplaced()
    {
    }

    protected async Task SaveAsync()
    {
        await RecheckAsync();
        if (!_valid)
        {
            await (_mudForm?.ValidateAsync() ?? Task.CompletedTask);
            return;
        }

        _saving = true;
        try
        {
            await Update.HandleAsync(_form.ToRequest());
            // Read back what was stored (trimmed, defaults applied), so "changed" compares with what calls and chats use.
            _snapshot = await Queries.LoadAsync();
            _saved = TForm.From(_snapshot.Config);
            _form = _saved.Copy();
            OnFormReplaced();
            Snackbar.Add(SavedMessage, MudBlazor.Severity.Success);
        }
        catch (ValidationException ex)
        {
            Snackbar.Add(ex.Errors.FirstOrDefault()?.ErrorMessage ?? "That could not be saved.", MudBlazor.Severity.Error);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, MudBlazor.Severity.Error);
        }
        finally
        {
            _saving = false;
        }
    }

    protected async Task ResetAsync()
    {
        _form = _saved.Copy();
        OnFormReplaced();
        await (_mudForm?.ResetValidationAsync() ?? Task.CompletedTask);
        await RecheckAsync();
    }
}
