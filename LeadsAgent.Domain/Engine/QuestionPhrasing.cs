using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Domain.Engine;

/// <summary>
/// How the agent words lead capture: which questions it asks, the question itself, the read-back of a phone number
/// on a call and the closing. The engine speaks through these, and the dashboard's preview shows them, so what an
/// owner previews is what a customer hears.
/// </summary>
public static class QuestionPhrasing
{
    /// <summary>The questions asked, in order: all of them, or in an emergency only the essential ones plus a call-back number.</summary>
    public static IReadOnlyList<LeadCaptureQuestion> QuestionsToAsk(IEnumerable<LeadCaptureQuestion> ordered, bool emergency)
    {
        var all = ordered.ToList();
        if (!emergency)
        {
            return all;
        }

        var relevant = all.Where(q => q.IsEssentialForEmergency).ToList();
        // An emergency always gets a call-back number, whatever the owner marked essential.
        if (!relevant.Any(q => q.ExpectedFormat == ExpectedFormat.PHONE))
        {
            relevant.Insert(0, all.FirstOrDefault(q => q.ExpectedFormat == ExpectedFormat.PHONE) ?? ConversationEngine.CallbackQuestion);
        }

        return relevant;
    }

    /// <summary>The question as asked: the owner's own words.</summary>
    public static string Ask(LeadCaptureQuestion question) => question.QuestionText;

    /// <summary>The question asked again after answering a side question ("Now, what's your address?").</summary>
    public static string AskAgainAfterAnswering(LeadCaptureQuestion question) => "Now, " + LowerFirst(question.QuestionText);

    /// <summary>On a call, instead of asking for a number the caller ID already gives.</summary>
    public static string ConfirmCallerNumber(string callerNumber) => $"Is {callerNumber} the best number to reach you?";

    /// <summary>On a call, the number heard is read back before it is kept (speech recognition mishears digits).</summary>
    public static string ReadBackPhone(string phone) => $"I have {phone} as your number. Is that right?";

    /// <summary>The read-back asked again when the answer was neither yes nor no.</summary>
    public static string ReadBackPhoneAgain(string phone) => $"Sorry, is {phone} the right number? Please say yes or no.";

    /// <summary>The short thanks before the next question, varied so it does not sound like a form.</summary>
    public static string Acknowledge(int answersSoFar) => (answersSoFar % 3) switch
    {
        0 => "Got it.",
        1 => "Thanks.",
        _ => "Perfect.",
    };

    /// <summary>What the agent says once every question is answered: the body, and on a call the goodbye before hanging up.</summary>
    public static (string Body, string? Closing) Completion(AgentConfig config, string businessName, Channel channel, bool emergency, string? callbackPhone)
    {
        var endCall = config.VoiceEndCallMessage ?? AgentConfig.DefaultVoiceEndCall;
        if (channel == Channel.VOICE)
        {
            return emergency
                ? ($"I've alerted {businessName}'s on-call team. Someone will call you back{(callbackPhone is null ? "" : " at " + callbackPhone)} as soon as possible.",
                    "If anything gets worse, call 911. " + endCall)
                : (config.VoiceCompletionMessage ?? AgentConfig.DefaultVoiceCompletion, endCall);
        }

        return emergency
            ? ($"I've flagged this as an emergency for {businessName}'s on-call team. Someone will call you{(callbackPhone is null ? "" : " at " + callbackPhone)} as soon as possible.", null)
            : (config.LeadCaptureCompletionMessage ?? AgentConfig.DefaultCompletion, null);
    }

    static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
