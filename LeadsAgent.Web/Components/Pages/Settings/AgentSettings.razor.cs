using FluentValidation;
using LeadsAgent.Domain.Common;
using LeadsAgent.Web.Application.Settings;
using LeadsAgent.Web.Components.Forms;
using LeadsAgent.Web.Endpoints;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Settings;

/// <summary>
/// The agent's website chat: name, words, colours, the websites allowed to embed it and extra emergency words, with
/// a live preview of the real widget and an "is this an emergency?" check that uses the words being edited.
/// Validation is the API's own (<see cref="UpdateConfigRequestValidator"/>), saving the same use case as the API.
/// </summary>
public partial class AgentSettings
{
    [Inject] SettingsQueries Queries { get; set; } = default!;
    [Inject] UpdateAgentConfig Update { get; set; } = default!;
    [Inject] IValidator<UpdateConfigRequest> Validator { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;

    SettingsSnapshot? _snapshot;
    FormRules<AgentForm, UpdateConfigRequest> _rules = default!;
    MudForm? _mudForm;
    AgentForm _form = new();
    AgentForm _saved = new();
    bool _valid = true;
    bool _saving;

    bool Dirty => _snapshot is not null && _form != _saved;

    protected override async Task OnInitializedAsync()
    {
        _rules = AgentForm.Rules(Validator);
        _snapshot = await Queries.LoadAsync();
        _saved = AgentForm.From(_snapshot.Config);
        _form = _saved with { };
    }

    async Task<IEnumerable<string>> ValidateFieldAsync(object model, string property)
    {
        var errors = (await _rules.Field(model, property)).ToList();
        var form = (AgentForm)model;
        // The API's rule says "each of ... must be"; the owner needs to know which line is wrong.
        if (property == nameof(AgentForm.Origins) && errors.Count > 0)
        {
            var bad = AgentForm.Lines(form.Origins).Where(o => !UpdateConfigRequestValidator.IsOrigin(o)).ToList();
            if (bad.Count > 0)
            {
                errors.RemoveAll(e => e.StartsWith("Each of", StringComparison.Ordinal));
                errors.Insert(0, $"Not a website address: {string.Join(", ", bad)}. Write each one like https://www.example.com, with nothing after the name.");
            }
        }
        else if (property == nameof(AgentForm.Keywords) && errors.Count > 0)
        {
            var bad = AgentForm.Lines(form.Keywords).Where(k => k.Length is < 3 or > 60).ToList();
            if (bad.Count > 0)
            {
                errors.RemoveAll(e => e.StartsWith("Each of", StringComparison.Ordinal));
                errors.Insert(0, $"Each emergency word needs 3 to 60 letters: {string.Join(", ", bad.Select(b => b.Length > 20 ? b[..20] + "…" : b))}.");
            }
        }

        return errors;
    }

    async Task FieldChangedAsync() => await RecheckAsync();

    // A colour picked with the browser's picker does not pass through the text field, so the form would keep an
    // earlier error on it ("blue" typed, then a colour picked): validate again whichever way the colour changed.
    async Task ColourChangedAsync(Action set)
    {
        set();
        await (_mudForm?.ValidateAsync() ?? Task.CompletedTask);
        await RecheckAsync();
    }

    async Task RecheckAsync() => _valid = (await _rules.ValidateAsync(_form)).Count == 0;

    async Task SaveAsync()
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
            var saved = await Update.HandleAsync(_form.ToRequest());
            _saved = _form with
            {
                AgentName = saved.AgentName,
                PersonaPrompt = saved.PersonaPrompt,
                WelcomeMessage = saved.WelcomeMessage,
                LeadCaptureCompletionMessage = saved.LeadCaptureCompletionMessage ?? "",
                Primary = saved.ColorTheme.Primary,
                Secondary = saved.ColorTheme.Secondary,
                Origins = string.Join('\n', saved.AllowedWidgetOrigins),
                Keywords = string.Join('\n', saved.ExtraEmergencyKeywords),
            };
            _form = _saved with { };
            Snackbar.Add("Saved. Your chat uses the new settings from its next message.", MudBlazor.Severity.Success);
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

    async Task ResetAsync()
    {
        _form = _saved with { };
        await (_mudForm?.ResetValidationAsync() ?? Task.CompletedTask);
        await RecheckAsync();
    }
}
