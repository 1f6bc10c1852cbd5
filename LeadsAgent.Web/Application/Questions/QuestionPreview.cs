using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Web.Application.Questions;

/// <summary>One line of a previewed conversation: who speaks, what they say, and an aside for the owner.</summary>
public sealed record PreviewLine(bool ByAgent, string Text, string? Note = null);

/// <summary>
/// How the agent will ask the questions, in chat or on the phone, in the engine's own words: the questions it asks
/// (<see cref="QuestionPhrasing.QuestionsToAsk"/>), the thanks between them, the read-back of a phone number on a
/// call, the hint when an answer does not fit and the closing, shaped for the channel by <see cref="ReplyShaper"/>.
/// The customer's answers are examples.
/// </summary>
public static class QuestionPreview
{
    public static IReadOnlyList<PreviewLine> Script(Business business, AgentConfig config, IEnumerable<LeadCaptureQuestion> ordered,
        Channel channel, bool emergency, DateTimeOffset now)
    {
        var voice = channel == Channel.VOICE;
        // In the business's language, as its customers hear it by default (a chat visitor writing in another language
        // gets the agent's words in theirs; the owner's questions stay as written).
        var language = ConversationLanguage.OfBusiness(config);
        var context = new ExtractionContext(now, business.TimeZone);
        string Shape(ReplyParts parts) => voice ? ReplyShaper.ForVoice(parts, config.TwilioVoice, emergency, language).PlainText : ReplyShaper.ForChat(parts);

        var lines = new List<PreviewLine>();
        string? ack = null;
        string? callback = null;
        var answered = 0;
        foreach (var question in QuestionPhrasing.QuestionsToAsk(ordered, emergency))
        {
            var note = question == ConversationEngine.CallbackQuestion
                ? "In an emergency the agent always asks for a call-back number, even when no question asks for one."
                : question.MapsToLeadField == LeadFields.Notes && question.ExpectedFormat == ExpectedFormat.TEXT
                    ? "Not asked when the customer already said what they need (their first message is the answer)."
                    : question.ExpectedFormat == ExpectedFormat.TEXT && question.MapsToLeadField != LeadFields.ContactName
                        ? null
                        : "If the answer doesn't fit, it says: \u201c" + Shape(new ReplyParts(null, null, null, AnswerValidator.Hint(question, channel, language))) + "\u201d";
            lines.Add(new PreviewLine(true, Shape(new ReplyParts(null, ack, null, QuestionPhrasing.Ask(question, language))), note));

            var answer = ExampleAnswer(question, voice);
            lines.Add(new PreviewLine(false, answer));
            var value = AnswerValidator.Check(question, answer, context, channel, language).Value ?? answer;
            if (question.ExpectedFormat == ExpectedFormat.PHONE)
            {
                callback ??= value;
                if (voice)
                {
                    lines.Add(new PreviewLine(true, Shape(new ReplyParts(null, null, null, QuestionPhrasing.ReadBackPhone(value, language))),
                        "When the caller's number is showing, it asks this instead of the question: \u201c"
                        + Shape(new ReplyParts(null, null, null, QuestionPhrasing.ConfirmCallerNumber(value, language))) + "\u201d"));
                    lines.Add(new PreviewLine(false, "Yes."));
                    ack = AgentPhrases.Say(AgentPhrase.NumberConfirmed, language);
                    answered++;
                    continue;
                }
            }

            answered++;
            ack = QuestionPhrasing.Acknowledge(answered, language);
        }

        var (body, closing) = QuestionPhrasing.Completion(config, business.Name, channel, emergency, callback, language);
        lines.Add(new PreviewLine(true, Shape(new ReplyParts(null, ack, body, closing)), voice ? "Then it hangs up." : null));
        return lines;
    }

    /// <summary>An example of what a customer answers, in the form the question expects.</summary>
    static string ExampleAnswer(LeadCaptureQuestion question, bool voice) => question.ExpectedFormat switch
    {
        ExpectedFormat.PHONE => "555 123 4567",
        ExpectedFormat.EMAIL => voice ? "jane at example dot com" : "jane@example.com",
        ExpectedFormat.DATE => "Tomorrow morning",
        ExpectedFormat.ADDRESS => "42 Oak Street, Springfield",
        _ when question.MapsToLeadField == LeadFields.ContactName => "Jane Smith",
        _ when question.MapsToLeadField == LeadFields.Notes => "The kitchen tap won't stop dripping.",
        _ => "(their answer)",
    };
}
