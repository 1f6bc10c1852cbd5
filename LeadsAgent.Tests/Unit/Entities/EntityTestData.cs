using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Tests.Unit.Entities;

/// <summary>The moment and places the entity tests speak from, and the demo plumber's questions.</summary>
static class EntityTestData
{
    // Saturday 21 November 2026, 10:00 in Chicago.
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 16, 0, 0, TimeSpan.Zero);

    public static ExtractionContext In(string timeZone) => new(Now, timeZone);

    public static readonly ExtractionContext Chicago = In("America/Chicago");

    public static LeadCaptureQuestion Question(ExpectedFormat format, string? field = null) => new()
    {
        Id = Guid.NewGuid(),
        QuestionText = "?",
        ExpectedFormat = format,
        IsRequired = true,
        MapsToLeadField = field,
    };

    public static readonly LeadCaptureQuestion Address = Question(ExpectedFormat.ADDRESS, LeadFields.Address);
    public static readonly LeadCaptureQuestion Name = Question(ExpectedFormat.TEXT, LeadFields.ContactName);
    public static readonly LeadCaptureQuestion When = Question(ExpectedFormat.DATE);

    public static AnswerCheck Check(LeadCaptureQuestion question, string answer, ExtractionContext? context = null, Channel channel = Channel.CHAT) =>
        AnswerValidator.Check(question, answer, context ?? Chicago, channel);
}
