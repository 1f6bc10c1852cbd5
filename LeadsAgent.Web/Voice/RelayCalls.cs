namespace LeadsAgent.Web.Voice;

/// <summary>What the Gather and ConversationRelay paths share about a streaming call: its session mark and its voice.</summary>
public static class RelayCalls
{
    /// <summary>Session metadata naming how the call talks ("relay"): the dashboard and the action URL read it.</summary>
    public const string ModeKey = "voiceMode";
    public const string RelayMode = "relay";

    /// <summary>
    /// Our voice names ("Polly.Joanna-Neural", "Google.en-US-Chirp3-HD-Aoede") as ConversationRelay's provider and voice.
    /// Twilio's basic voices (alice, man, woman) do not exist there: the provider's default voice for the language speaks.
    /// </summary>
    public static (string Provider, string? Voice) RelayVoice(string twilioVoice) => twilioVoice switch
    {
        _ when twilioVoice.StartsWith("Polly.", StringComparison.Ordinal) => ("Amazon", twilioVoice["Polly.".Length..]),
        _ when twilioVoice.StartsWith("Google.", StringComparison.Ordinal) => ("Google", twilioVoice["Google.".Length..]),
        _ => ("Google", null),
    };
}
