using LeadsAgent.Domain.Engine;

namespace LeadsAgent.Web.Voice;

/// <summary>What the Gather and ConversationRelay paths share about a streaming call: its session mark and its voice.</summary>
public static class RelayCalls
{
    /// <summary>Session metadata naming how the call talks ("relay"): the dashboard and the action URL read it.</summary>
    public const string ModeKey = "voiceMode";
    public const string RelayMode = "relay";

    /// <summary>Session metadata counting how often the caller talked over the agent.</summary>
    public const string InterruptionsKey = "interruptions";

    // handoffData reason codes: what the action URL does once the relay session ends.
    public const string TransferReason = "transfer";
    public const string VoicemailReason = "voicemail";
    public const string HangupReason = "hangup";
    public const string GatherReason = "gather";

    public static string ReasonFor(VoiceAction action) => action switch
    {
        VoiceAction.TRANSFER => TransferReason,
        VoiceAction.VOICEMAIL => VoicemailReason,
        VoiceAction.HANGUP => HangupReason,
        _ => GatherReason,
    };

    public static VoiceAction? ActionFor(string reason) => reason switch
    {
        TransferReason => VoiceAction.TRANSFER,
        VoicemailReason => VoiceAction.VOICEMAIL,
        HangupReason => VoiceAction.HANGUP,
        _ => null,
    };

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
