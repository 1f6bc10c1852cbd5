using FluentValidation;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Application.Texts;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Components.Forms;
using LeadsAgent.Web.Endpoints;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Texts;

/// <summary>
/// The owner's text messages (issue 18): what is sent to them and to callers (with an example of each), quiet hours, the
/// messaging webhook to paste into Twilio and the numbers that texted STOP. Saved through the same use case and
/// validator as <c>PUT /api/admin/texts</c>.
/// </summary>
public partial class TextsPage : ComponentBase
{
    [Inject] TextSettingsQueries Queries { get; set; } = default!;
    [Inject] UpdateTextSettings Update { get; set; } = default!;
    [Inject] IValidator<TextSettingsRequest> Validator { get; set; } = default!;
    [Inject] CurrentBusiness Current { get; set; } = default!;
    [Inject] BusinessClockProvider Clocks { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;

    TextSettingsDto? _settings;
    PlanTier _plan;
    BusinessClock? _clock;
    FormRules<TextsForm, TextSettingsRequest> _rules = default!;
    IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    MudForm? _mudForm;
    TextsForm _form = new();
    TextsForm _saved = new();
    bool _valid = true;
    bool _saving;

    bool Dirty => _settings is not null && _form != _saved;

    protected override async Task OnInitializedAsync()
    {
        _rules = new FormRules<TextsForm, TextSettingsRequest>(Validator, f => f.ToRequest())
            .Label(nameof(TextsForm.QuietStart), "From").Label(nameof(TextsForm.QuietEnd), "Until");
        _plan = await Current.EffectivePlanAsync();
        _clock = await Clocks.GetAsync();
        Load(await Queries.GetAsync());
    }

    void Load(TextSettingsDto settings)
    {
        _settings = settings;
        _saved = TextsForm.From(settings);
        _form = _saved.Copy();
    }

    async Task RecheckAsync()
    {
        _errors = await _rules.ValidateAsync(_form);
        _valid = _errors.Count == 0;
    }

    async Task SaveAsync()
    {
        await RecheckAsync();
        if (!_valid)
        {
            return;
        }

        _saving = true;
        try
        {
            Load(await Update.HandleAsync(_form.ToRequest()));
            Snackbar.Add("Saved. The next text follows these settings.", MudBlazor.Severity.Success);
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
        _form = _saved.Copy();
        await (_mudForm?.ResetValidationAsync() ?? Task.CompletedTask);
        await RecheckAsync();
    }
}
