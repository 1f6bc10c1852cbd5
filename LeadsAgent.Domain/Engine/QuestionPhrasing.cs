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

    /// <summary>
    /// The question as asked: the owner's own words as written, whatever the conversation's language (an owner's
    /// question is never machine-translated). Our own questions (the emergency call-back question and a new business's
    /// defaults, while unchanged) are ours to say in the conversation's language.
    /// </summary>
    public static string Ask(LeadCaptureQuestion question, string language = AgentPhrases.DefaultLanguage) =>
        question == ConversationEngine.CallbackQuestion ? AgentPhrases.Say(AgentPhrase.CallbackQuestion, language)
        : OursFor(question.QuestionText) is { } ours ? AgentPhrases.Say(ours, language)
        : question.QuestionText;

    /// <summary>The question asked again after answering a side question ("Now, what's your address?").</summary>
    public static string AskAgainAfterAnswering(LeadCaptureQuestion question, string language = AgentPhrases.DefaultLanguage)
    {
        var asked = Ask(question, language);
        // German capitalises nouns and the polite "Sie", so a German question keeps its first letter as written.
        return AgentPhrases.Say(AgentPhrase.AskAgainAfterAnswering, language, ("question", AgentPhrases.LanguageOf(language) == "de" ? asked : LowerFirst(asked)));
    }

    /// <summary>On a call, instead of asking for a number the caller ID already gives.</summary>
    public static string ConfirmCallerNumber(string callerNumber, string language = AgentPhrases.DefaultLanguage) =>
        AgentPhrases.Say(AgentPhrase.ConfirmCallerNumber, language, ("phone", callerNumber));

    /// <summary>On a call, the number heard is read back before it is kept (speech recognition mishears digits).</summary>
    public static string ReadBackPhone(string phone, string language = AgentPhrases.DefaultLanguage) =>
        AgentPhrases.Say(AgentPhrase.ReadBackPhone, language, ("phone", phone));

    /// <summary>The read-back asked again when the answer was neither yes nor no.</summary>
    public static string ReadBackPhoneAgain(string phone, string language = AgentPhrases.DefaultLanguage) =>
        AgentPhrases.Say(AgentPhrase.ReadBackPhoneAgain, language, ("phone", phone));

    /// <summary>The short thanks before the next question, varied so it does not sound like a form.</summary>
    public static string Acknowledge(int answersSoFar, string language = AgentPhrases.DefaultLanguage) => AgentPhrases.Say((answersSoFar % 3) switch
    {
        0 => AgentPhrase.AcknowledgeGotIt,
        1 => AgentPhrase.AcknowledgeThanks,
        _ => AgentPhrase.AcknowledgePerfect,
    }, language);

    /// <summary>
    /// What the agent says once every question is answered: the body, and on a call the goodbye before hanging up. The
    /// owner's completion and goodbye messages are used as written; left empty or still the default, they are ours.
    /// </summary>
    public static (string Body, string? Closing) Completion(AgentConfig config, string businessName, Channel channel, bool emergency, string? callbackPhone,
        string language = AgentPhrases.DefaultLanguage)
    {
        var business = ("business", businessName);
        var phone = ("phone", callbackPhone ?? "");
        var endCall = AgentPhrases.OwnerOr(config.VoiceEndCallMessage, AgentPhrase.VoiceEndCall, language);
        if (channel == Channel.VOICE)
        {
            return emergency
                ? (AgentPhrases.Say(callbackPhone is null ? AgentPhrase.VoiceEmergencyDone : AgentPhrase.VoiceEmergencyDoneAt, language, business, phone),
                    AgentPhrases.Say(AgentPhrase.CallIfWorse, language) + " " + endCall)
                : (AgentPhrases.OwnerOr(config.VoiceCompletionMessage, AgentPhrase.VoiceCompletion, language), endCall);
        }

        return emergency
            ? (AgentPhrases.Say(callbackPhone is null ? AgentPhrase.ChatEmergencyDone : AgentPhrase.ChatEmergencyDoneAt, language, business, phone), null)
            : (AgentPhrases.OwnerOr(config.LeadCaptureCompletionMessage, AgentPhrase.ChatCompletion, language), null);
    }

    static readonly AgentPhrase[] s_ourQuestions =
    [
        AgentPhrase.CallbackQuestion, AgentPhrase.DefaultQuestionName, AgentPhrase.DefaultQuestionPhone, AgentPhrase.DefaultQuestionAddress,
        AgentPhrase.DefaultQuestionProblem, AgentPhrase.DefaultQuestionLegal, AgentPhrase.DefaultQuestionRealEstate, AgentPhrase.DefaultQuestionHelp,
        AgentPhrase.DefaultQuestionEmail,
    ];

    /// <summary>The phrase a question's text is, when it is one of our own questions word for word (in any language).</summary>
    static AgentPhrase? OursFor(string questionText)
    {
        foreach (var phrase in s_ourQuestions)
        {
            if (AgentPhrases.IsOurs(questionText, phrase))
            {
                return phrase;
            }
        }

        return null;
    }

    /// <summary>Lower-cases the first letter, past any opening mark ("¿Cuál..." → "¿cuál...").</summary>
    static string LowerFirst(string s)
    {
        var i = 0;
        while (i < s.Length && !char.IsLetter(s[i]))
        {
            i++;
        }

        return i == s.Length ? s : s[..i] + char.ToLowerInvariant(s[i]) + s[(i + 1)..];
    }
}
