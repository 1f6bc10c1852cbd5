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
public partial class VoiceSettings : ConfigFormPage<VoiceForm>
{
    string? _voiceSwitched;

    protected override string SavedMessage => "Saved. The next call uses the new voice and messages.";

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

    protected override async Task RecheckAsync()
    {
        await base.RecheckAsync();
        _valid = _valid && VoiceCatalog.IsValid(_form.Voice, _form.Language);
    }

    protected override void OnFormReplaced() => _voiceSwitched = null;
}
