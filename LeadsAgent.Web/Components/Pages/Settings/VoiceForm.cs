using FluentValidation;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Voice;
using LeadsAgent.Web.Components.Forms;
using LeadsAgent.Web.Endpoints;

namespace LeadsAgent.Web.Components.Pages.Settings;

/// <summary>The voice settings form: the phone agent's language, voice and four spoken messages.</summary>
public sealed record VoiceForm : IConfigForm<VoiceForm>
{
    public string Language { get; set; } = "en-US";
    public string Voice { get; set; } = AgentConfig.DefaultVoice;
    public string VoiceGreetingMessage { get; set; } = "";
    public string VoiceCompletionMessage { get; set; } = "";
    public string VoiceEmergencyMessage { get; set; } = "";
    public string VoiceEndCallMessage { get; set; } = "";

    /// <summary>Streaming conversation (Twilio ConversationRelay): callers hear the agent sooner and can interrupt it.</summary>
    public bool Streaming { get; set; }

    /// <summary>The spoken messages with the owner's name for each, in the order a call uses them.</summary>
    public IEnumerable<(string Property, string Label, string Text)> Messages =>
    [
        (nameof(VoiceGreetingMessage), "Greeting when the agent answers", VoiceGreetingMessage),
        (nameof(VoiceCompletionMessage), "When the caller's details are complete", VoiceCompletionMessage),
        (nameof(VoiceEmergencyMessage), "When the call is an emergency", VoiceEmergencyMessage),
        (nameof(VoiceEndCallMessage), "Goodbye", VoiceEndCallMessage),
    ];

    /// <summary>The form for a configuration: a message left empty or at a default shows the default callers hear, in the agent's language.</summary>
    public static VoiceForm From(AgentConfig c)
    {
        var form = new VoiceForm
        {
            Voice = c.TwilioVoice,
            VoiceGreetingMessage = c.VoiceGreetingMessage ?? "",
            VoiceCompletionMessage = c.VoiceCompletionMessage ?? "",
            VoiceEmergencyMessage = c.VoiceEmergencyMessage ?? "",
            VoiceEndCallMessage = c.VoiceEndCallMessage ?? "",
            Streaming = c.VoiceMode == VoiceMode.RELAY,
        };
        form.FollowLanguage(c.TwilioLanguage);
        return form;
    }

    /// <summary>
    /// Picks a language: the messages still at one of the agent's defaults become that language's default (the agent says
    /// them in the call's language anyway); the owner's own messages stay as written, and a warning shows if they read
    /// like another language.
    /// </summary>
    public void FollowLanguage(string language)
    {
        Language = language;
        VoiceGreetingMessage = AgentPhrases.OwnerOr(VoiceGreetingMessage, AgentPhrase.VoiceGreeting, language);
        VoiceCompletionMessage = AgentPhrases.OwnerOr(VoiceCompletionMessage, AgentPhrase.VoiceCompletion, language);
        VoiceEmergencyMessage = AgentPhrases.OwnerOr(VoiceEmergencyMessage, AgentPhrase.VoiceEmergency, language);
        VoiceEndCallMessage = AgentPhrases.OwnerOr(VoiceEndCallMessage, AgentPhrase.VoiceEndCall, language);
    }

    public VoiceForm Copy() => this with { };

    public UpdateConfigRequest ToRequest() => new(null, null, null, null, null, VoiceGreetingMessage, VoiceCompletionMessage,
        VoiceEmergencyMessage, VoiceEndCallMessage, Voice, Language, null, null, Streaming ? VoiceMode.RELAY : VoiceMode.GATHER);

    public static FormRules<VoiceForm, UpdateConfigRequest> Rules(IValidator<UpdateConfigRequest> validator)
    {
        var rules = new FormRules<VoiceForm, UpdateConfigRequest>(validator, f => f.ToRequest())
            .Map(nameof(Language), "twilioLanguage", "Language")
            .Map(nameof(Voice), "twilioVoice", "Voice");
        foreach (var (property, label, _) in new VoiceForm().Messages)
        {
            rules.Label(property, label);
        }

        return rules;
    }

    /// <summary>"es-MX" → "Spanish (Mexico)".</summary>
    public static string LanguageName(string language) => language switch
    {
        "en-US" => "English (United States)",
        "en-GB" => "English (United Kingdom)",
        "en-AU" => "English (Australia)",
        "es-ES" => "Spanish (Spain)",
        "es-MX" => "Spanish (Mexico)",
        "fr-FR" => "French (France)",
        "de-DE" => "German (Germany)",
        "it-IT" => "Italian (Italy)",
        "pt-BR" => "Portuguese (Brazil)",
        _ => language,
    };

    /// <summary>"Polly.Joanna-Neural" → "Joanna · Amazon neural"; what kind of voice, in words.</summary>
    public static string VoiceName(VoiceOption v)
    {
        if (v.Name.StartsWith("Polly.", StringComparison.Ordinal))
        {
            var name = v.Name["Polly.".Length..];
            var (person, kind) = name.EndsWith("-Neural", StringComparison.Ordinal) ? (name[..^"-Neural".Length], "Amazon neural")
                : name.EndsWith("-Generative", StringComparison.Ordinal) ? (name[..^"-Generative".Length], "Amazon generative, most natural")
                : (name, "Amazon standard");
            return $"{person} · {kind}";
        }

        if (v.Name.StartsWith("Google.", StringComparison.Ordinal))
        {
            return $"{v.Name[(v.Name.LastIndexOf('-') + 1)..]} · Google generative, most natural";
        }

        return v.Name switch
        {
            "alice" => "Alice · Twilio basic",
            "man" => "Man · Twilio basic",
            "woman" => "Woman · Twilio basic",
            _ => v.Name,
        };
    }

    /// <summary>The voice a new language starts with: a natural-sounding one (neural) when the catalogue has it.</summary>
    public static string DefaultVoiceFor(string language)
    {
        var voices = VoiceCatalog.For(language).ToList();
        return (voices.FirstOrDefault(v => v.Name.EndsWith("-Neural", StringComparison.Ordinal)) ?? voices.First()).Name;
    }
}
