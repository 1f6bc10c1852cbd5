using LeadsAgent.Domain.Businesses;

namespace LeadsAgent.Web.Application.Questions;

/// <summary>A question's settings as the owner reads them: "A phone number", "the lead's email", never the codes.</summary>
public static class QuestionWords
{
    public static IReadOnlyList<ExpectedFormat> Formats { get; } = Enum.GetValues<ExpectedFormat>();

    public static string Format(ExpectedFormat format) => format switch
    {
        ExpectedFormat.EMAIL => "An email address",
        ExpectedFormat.PHONE => "A phone number",
        ExpectedFormat.DATE => "A day or time",
        ExpectedFormat.ADDRESS => "A street address",
        _ => "Any answer",
    };

    /// <summary>What the agent does with that format, for the helper text under the choice.</summary>
    public static string FormatHelp(ExpectedFormat format) => format switch
    {
        ExpectedFormat.EMAIL => "The agent checks it looks like name@example.com and asks again if not.",
        ExpectedFormat.PHONE => "The agent checks it's a full number with the area code; on a call it reads the number back.",
        ExpectedFormat.DATE => "The agent understands \u201ctomorrow morning\u201d or \u201cTuesday at 3\u201d, and \u201cany time\u201d.",
        ExpectedFormat.ADDRESS => "The agent checks there's a house number and street.",
        _ => "The agent takes whatever the customer says.",
    };

    /// <summary>The choice in the dialog: where the answer goes besides the lead's list of answers.</summary>
    public static string Field(string? field) => field is null ? "Only the list of answers" : "The lead's " + FieldNoun(field);

    static string FieldNoun(string field) => field switch
    {
        LeadFields.ContactName => "name",
        LeadFields.ContactPhone => "phone number",
        LeadFields.ContactEmail => "email",
        LeadFields.Address => "address",
        LeadFields.Notes => "request (what they need)",
        _ => field,
    };

    /// <summary>One line under a question in the list: "A phone number · Required · Asked in an emergency · Fills the lead's phone number".</summary>
    public static string Summary(LeadCaptureQuestion q)
    {
        var parts = new List<string> { Format(q.ExpectedFormat), q.IsRequired ? "Required" : "Optional" };
        if (q.IsEssentialForEmergency)
        {
            parts.Add("Asked in an emergency");
        }

        if (q.MapsToLeadField is { } field)
        {
            parts.Add("Fills the lead's " + (field == LeadFields.Notes ? "request" : FieldNoun(field)));
        }

        return string.Join(" · ", parts);
    }
}
