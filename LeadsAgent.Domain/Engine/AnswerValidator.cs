using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Domain.Engine;

/// <summary>Whether an answer fits the question's expected format, the value to keep, and a hint when it does not.</summary>
public sealed record AnswerCheck(bool Valid, string? Value, string Hint);

public static class AnswerValidator
{
    static readonly string[] s_noPreference = ["anytime", "any time", "whenever", "no preference", "flexible", "asap", "as soon as possible", "any day", "doesn't matter", "does not matter"];

    public static AnswerCheck Check(LeadCaptureQuestion question, string answer, ExtractionContext context, Channel channel,
        string language = AgentPhrases.DefaultLanguage)
    {
        var text = answer.Trim();
        var refused = new AnswerCheck(false, null, Hint(question, channel, language));
        switch (question.ExpectedFormat)
        {
            case ExpectedFormat.EMAIL:
                return EntityExtractor.FirstEmail(text) is { } email ? new AnswerCheck(true, email, "") : refused;
            case ExpectedFormat.PHONE:
                return EntityExtractor.FirstPhone(text, context) is { } phone ? new AnswerCheck(true, phone, "") : refused;
            case ExpectedFormat.DATE:
                if (EntityExtractor.FindDateTime(text, context) is { } when)
                {
                    return new AnswerCheck(true, when.Value, "");
                }

                return s_noPreference.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)) ? new AnswerCheck(true, "any time", "") : refused;
            case ExpectedFormat.ADDRESS:
                return EntityExtractor.LooksLikeAddress(text) ? new AnswerCheck(true, Tidy(text), "") : refused;
            default:
                if (question.MapsToLeadField == LeadFields.ContactName)
                {
                    return EntityExtractor.FindName(text, expectingName: true) is { } name ? new AnswerCheck(true, name.Value, "") : refused;
                }

                return text.Any(char.IsLetterOrDigit) && text.Length >= 2 ? new AnswerCheck(true, Tidy(text), "") : refused;
        }
    }

    /// <summary>What the agent says when an answer does not fit the question's format, before asking again, in the conversation's language.</summary>
    public static string Hint(LeadCaptureQuestion question, Channel channel, string language = AgentPhrases.DefaultLanguage) => AgentPhrases.Say(question.ExpectedFormat switch
    {
        ExpectedFormat.EMAIL => channel == Channel.VOICE ? AgentPhrase.HintEmailVoice : AgentPhrase.HintEmailChat,
        ExpectedFormat.PHONE => AgentPhrase.HintPhone,
        ExpectedFormat.DATE => AgentPhrase.HintDate,
        ExpectedFormat.ADDRESS => AgentPhrase.HintAddress,
        _ when question.MapsToLeadField == LeadFields.ContactName => AgentPhrase.HintName,
        _ => AgentPhrase.HintMore,
    }, language);

    static string Tidy(string text) => text.Length > 500 ? text[..500] : text;
}
