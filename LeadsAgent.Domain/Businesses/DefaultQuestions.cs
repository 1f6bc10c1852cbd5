using LeadsAgent.Domain.Engine;

namespace LeadsAgent.Domain.Businesses;

/// <summary>The questions a new business starts with, by trade, so its agent captures a useful lead on day one.</summary>
public static class DefaultQuestions
{
    public sealed record Template(string Text, ExpectedFormat Format, bool Required, string? MapsTo, bool Essential);

    public static IReadOnlyList<Template> For(BusinessType type)
    {
        List<Template> questions =
        [
            new(English(AgentPhrase.DefaultQuestionName), ExpectedFormat.TEXT, true, LeadFields.ContactName, true),
            new(English(AgentPhrase.DefaultQuestionPhone), ExpectedFormat.PHONE, true, LeadFields.ContactPhone, true),
        ];

        switch (type)
        {
            case BusinessType.PLUMBING or BusinessType.HVAC or BusinessType.ELECTRICAL:
                questions.Add(new(English(AgentPhrase.DefaultQuestionAddress), ExpectedFormat.ADDRESS, true, LeadFields.Address, true));
                questions.Add(new(English(AgentPhrase.DefaultQuestionProblem), ExpectedFormat.TEXT, true, LeadFields.Notes, true));
                break;
            case BusinessType.LAW:
                questions.Add(new(English(AgentPhrase.DefaultQuestionLegal), ExpectedFormat.TEXT, true, LeadFields.Notes, true));
                break;
            case BusinessType.REAL_ESTATE:
                questions.Add(new(English(AgentPhrase.DefaultQuestionRealEstate), ExpectedFormat.TEXT, true, LeadFields.Notes, true));
                break;
            default:
                questions.Add(new(English(AgentPhrase.DefaultQuestionHelp), ExpectedFormat.TEXT, true, LeadFields.Notes, true));
                break;
        }

        questions.Add(new(English(AgentPhrase.DefaultQuestionEmail), ExpectedFormat.EMAIL, false, LeadFields.ContactEmail, false));
        return questions;
    }

    /// <summary>
    /// Stored in English, the dashboard's language; the agent asks them in the conversation's language while their text
    /// is unchanged (<see cref="QuestionPhrasing.Ask"/>), and asks an owner's edited text as written.
    /// </summary>
    static string English(AgentPhrase phrase) => AgentPhrases.Say(phrase, "en");
}
