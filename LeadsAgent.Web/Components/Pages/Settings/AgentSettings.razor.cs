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
public partial class AgentSettings : ConfigFormPage<AgentForm>
{
    protected override string SavedMessage => "Saved. Your chat uses the new settings from its next message.";

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
}
