using FluentValidation;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Voice;
using LeadsAgent.Web.Application.Settings;
using LeadsAgent.Web.Components.Forms;
using LeadsAgent.Web.Endpoints;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LeadsAgent.Web.Components.Pages.Settings;

/// <summary>
/// The phone agent (PRO): language first, then only the voices that speak it; the spoken messages with their
/// length and a warning when they read like another language; a test call to the owner's phone; and the addresses
/// Twilio must call, checked against the number's configuration in Twilio.
/// </summary>
public partial class VoiceSettings
{
    [Inject] SettingsQueries Queries { get; set; } = default!;
    [Inject] UpdateAgentConfig Update { get; set; } = default!;
    [Inject] IValidator<UpdateConfigRequest> Validator { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;

    SettingsSnapshot? _snapshot;
    FormRules<VoiceForm, UpdateConfigRequest> _rules = default!;
    MudForm? _mudForm;
    VoiceForm _form = new();
    VoiceForm _saved = new();
    bool _valid = true;
    bool _saving;
    string? _voiceSwitched;

    bool Dirty => _snapshot is not null && _form != _saved;

    List<VoiceOption> Voices => [.. VoiceCatalog.For(_form.Language)];

    /// <summary>Each message that reads like another language than the chosen one, with that language.</summary>
    List<(string Label, string Language)> Mismatches =>
        [.. _form.Messages.Select(m => (m.Label, Other: MessageLanguage.Mismatch(m.Text, _form.Language))).Where(m => m.Other is not null)
            .Select(m => (m.Label, m.Other!))];

    string MismatchText
    {
        get
        {
            var chosen = VoiceForm.LanguageName(_form.Language);
            var languages = string.Join(" and ", Mismatches.Select(m => MessageLanguage.Name(m.Language)).Distinct());
            var which = Mismatches.Count == 4 ? "Your messages read" : $"{string.Join(", ", Mismatches.Select(m => $"“{m.Label}”"))} {(Mismatches.Count == 1 ? "reads" : "read")}";
            return $"{which} like {languages}, but the language is {chosen}: callers would hear {languages} words read by a {MessageLanguage.Name(_form.Language)} voice. "
                + $"Write them in {MessageLanguage.Name(_form.Language)}, or choose {languages} as the language.";
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _rules = VoiceForm.Rules(Validator);
        _snapshot = await Queries.LoadAsync();
        _saved = VoiceForm.From(_snapshot.Config);
        _form = _saved with { };
    }

    string VoiceLabel(string? name) =>
        name is null ? "" : VoiceCatalog.Find(name, _form.Language) is { } voice ? VoiceForm.VoiceName(voice) : name;

    async Task LanguageChangedAsync(string language)
    {
        var before = _form.Voice;
        _form.FollowLanguage(language);
        _voiceSwitched = null;
        if (!VoiceCatalog.IsValid(_form.Voice, language))
        {
            // A voice that doesn't speak the language can fail every <Say> of a call; start from one that does.
            _form.Voice = VoiceForm.DefaultVoiceFor(language);
            _voiceSwitched = $"{before} doesn't speak {VoiceForm.LanguageName(language)}, so the voice is now {VoiceForm.VoiceName(VoiceCatalog.Find(_form.Voice, language)!)}.";
        }

        await RecheckAsync();
    }

    async Task RecheckAsync() => _valid = (await _rules.ValidateAsync(_form)).Count == 0 && VoiceCatalog.IsValid(_form.Voice, _form.Language);

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
            _saved = new VoiceForm
            {
                Language = saved.TwilioLanguage,
                Voice = saved.TwilioVoice,
                VoiceGreetingMessage = saved.VoiceGreetingMessage ?? "",
                VoiceCompletionMessage = saved.VoiceCompletionMessage ?? "",
                VoiceEmergencyMessage = saved.VoiceEmergencyMessage ?? "",
                VoiceEndCallMessage = saved.VoiceEndCallMessage ?? "",
            };
            _form = _saved with { };
            _voiceSwitched = null;
            Snackbar.Add("Saved. The next call uses the new voice and messages.", MudBlazor.Severity.Success);
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
        _voiceSwitched = null;
        await (_mudForm?.ResetValidationAsync() ?? Task.CompletedTask);
        await RecheckAsync();
    }
}
