using LeadsAgent.Domain.Engine;
using LeadsAgent.Infrastructure.Sessions;

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
    /// The caller talked over the agent: the agent's last line in the session becomes what the caller heard
    /// (<paramref name="heard"/>, from Twilio's utteranceUntilInterrupt) and " …", so the transcript and the lead's copy of
    /// it hold only what was said; the session counts the interruption. The question that ended the line was not heard:
    /// the engine then asks it again rather than take the caller's next words as its answer.
    /// </summary>
    public static Task KeepWhatWasHeardAsync(ISessionStore store, string callSid, string heard, CancellationToken ct) =>
        store.UpdateAsync(callSid, s =>
        {
            var index = s.History.FindLastIndex(m => m.Role == "assistant");
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            var said = s.History[index];
            if (heard.Length >= said.Content.Length)
            {
                return Task.FromResult(false);
            }

            s.History[index] = said with { Content = heard.Length == 0 ? "…" : heard + " …" };
            // The question being asked is the last sentence of the agent's line: cut off before it, the caller did not hear it.
            s.Capture.QuestionUnheard = s.Capture is { Active: true, Completed: false, CurrentQuestionId: not null } && index == s.History.Count - 1
                && heard.Length <= LastSentenceStart(said.Content);
            s.Metadata[InterruptionsKey] = (int.TryParse(s.Metadata.GetValueOrDefault(InterruptionsKey), out var n) ? n + 1 : 1)
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult(true);
        }, ct);

    /// <summary>Where the last sentence of a line starts (after the last ". ", "! " or "? "); 0 for a single sentence.</summary>
    static int LastSentenceStart(string line)
    {
        var text = line.TrimEnd();
        for (var i = text.Length - 2; i > 0; i--)
        {
            if (text[i] == ' ' && text[i - 1] is '.' or '!' or '?')
            {
                return i + 1;
            }
        }

        return 0;
    }

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
