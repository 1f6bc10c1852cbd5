namespace LeadsAgent.Domain.Businesses;

/// <summary>The questions a new business starts with, by trade, so its agent captures a useful lead on day one.</summary>
public static class DefaultQuestions
{
    public sealed record Template(string Text, ExpectedFormat Format, bool Required, string? MapsTo, bool Essential);

    public static IReadOnlyList<Template> For(BusinessType type)
    {
        List<Template> questions =
        [
            new("May I have your name, please?", ExpectedFormat.TEXT, true, LeadFields.ContactName, true),
            new("What is the best phone number to reach you?", ExpectedFormat.PHONE, true, LeadFields.ContactPhone, true),
        ];

        switch (type)
        {
            case BusinessType.PLUMBING or BusinessType.HVAC or BusinessType.ELECTRICAL:
                questions.Add(new("What is the address where you need the work done?", ExpectedFormat.ADDRESS, true, LeadFields.Address, true));
                questions.Add(new("Briefly, what is the problem?", ExpectedFormat.TEXT, true, LeadFields.Notes, true));
                break;
            case BusinessType.LAW:
                questions.Add(new("Briefly, what is your legal matter about?", ExpectedFormat.TEXT, true, LeadFields.Notes, true));
                break;
            case BusinessType.REAL_ESTATE:
                questions.Add(new("Are you looking to buy, sell or rent, and in which area?", ExpectedFormat.TEXT, true, LeadFields.Notes, true));
                break;
            default:
                questions.Add(new("How can we help you?", ExpectedFormat.TEXT, true, LeadFields.Notes, true));
                break;
        }

        questions.Add(new("What is your email address, so we can send you a confirmation?", ExpectedFormat.EMAIL, false, LeadFields.ContactEmail, false));
        return questions;
    }
}
