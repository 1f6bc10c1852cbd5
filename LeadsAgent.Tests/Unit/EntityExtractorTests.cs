using LeadsAgent.Domain.Engine;

namespace LeadsAgent.Tests.Unit;

public class EntityExtractorTests
{
    // Saturday 21 November 2026, 10:00 in Chicago.
    static readonly ExtractionContext s_chicago = new(new DateTimeOffset(2026, 11, 21, 16, 0, 0, TimeSpan.Zero), "America/Chicago");

    static ExtractedEntity? One(string text, EntityKind kind, ExtractionContext? ctx = null) =>
        EntityExtractor.Extract(text, ctx ?? s_chicago).FirstOrDefault(e => e.Kind == kind);

    [Theory]
    [InlineData("call me at (555) 123-4567 please", "+15551234567")]
    [InlineData("my number is 555 123 4567", "+15551234567")]
    [InlineData("it's +1 555-123-4567", "+15551234567")]
    [InlineData("five five five one two three four five six seven", "+15551234567")]
    [InlineData("five five five, one two three, four five six seven", "+15551234567")]
    [InlineData("double five five one two three four five six oh", "+15551234560")]
    public void Extract_Phones_InTypedAndSpokenForms(string text, string expected)
    {
        var phone = One(text, EntityKind.Phone);
        Assert.NotNull(phone);
        Assert.Equal(expected, phone.Value);
        Assert.Equal(text, phone.Utterance);
    }

    [Fact]
    public void Extract_Phone_UsesTheBusinessCountry()
    {
        var london = s_chicago with { TimeZoneId = "Europe/London" };
        Assert.Equal("+442079460958", One("ring me on 020 7946 0958", EntityKind.Phone, london)!.Value);
        Assert.Null(One("room 1234567", EntityKind.Phone));
    }

    [Theory]
    [InlineData("email is Jane.Doe@Example.com.", "jane.doe@example.com")]
    [InlineData("it's jane dot doe at gmail dot com", "jane.doe@gmail.com")]
    public void Extract_Emails(string text, string expected) => Assert.Equal(expected, One(text, EntityKind.Email)!.Value);

    [Theory]
    [InlineData("Hi, my name is Maria Lopez and my sink is leaking", "Maria Lopez")]
    [InlineData("this is john smith calling about a leak", "John Smith")]
    [InlineData("I'm Dave, the pipe burst", "Dave")]
    [InlineData("me llamo Carlos", "Carlos")]
    public void Extract_Names_FromIntroductions(string text, string expected) => Assert.Equal(expected, One(text, EntityKind.Name)!.Value);

    [Theory]
    [InlineData("I'm having a problem with my furnace")]
    [InlineData("i am calling about a leak")]
    [InlineData("I'm not sure")]
    public void Extract_Names_NotFromOrdinarySentences(string text) => Assert.Null(One(text, EntityKind.Name));

    [Fact]
    public void FindName_AnsweringANameQuestion_TakesTheAnswer()
    {
        Assert.Equal("Sam Carter", EntityExtractor.FindName("it's sam carter", expectingName: true)!.Value.Value);
        Assert.Null(EntityExtractor.FindName("why do you need that", expectingName: true));
    }

    [Theory]
    [InlineData("can you come tomorrow morning", "2026-11-22T09:00:00-06:00")]
    [InlineData("next Tuesday at 3", "2026-11-24T15:00:00-06:00")]
    [InlineData("Dec 5th at 10am", "2026-12-05T10:00:00-06:00")]
    [InlineData("how about 12/05", "2026-12-05T09:00:00-06:00")]
    [InlineData("today at 4:30 pm", "2026-11-21T16:30:00-06:00")]
    [InlineData("in 2 hours", "2026-11-21T12:00:00-06:00")]
    [InlineData("march 3", "2027-03-03T09:00:00-06:00")]
    public void Extract_Dates_RelativeToTheBusinessTimeZone(string text, string expected) =>
        Assert.Equal(expected, One(text, EntityKind.DateTime)!.Value);

    [Fact]
    public void Extract_Dates_DayFirstOutsideNorthAmerica() =>
        Assert.Equal("2026-12-05T09:00:00+00:00", One("05/12 works", EntityKind.DateTime, s_chicago with { TimeZoneId = "Europe/London" })!.Value);

    [Theory]
    [InlineData("my budget is $1,200", "1200.00 USD")]
    [InlineData("they quoted 250 dollars", "250.00 USD")]
    [InlineData("around $5k", "5000.00 USD")]
    public void Extract_Amounts(string text, string expected) => Assert.Equal(expected, One(text, EntityKind.Amount)!.Value);

    [Theory]
    [InlineData("we're at 42 Oak Street, Springfield IL 62704", "42 Oak Street, Springfield IL 62704")]
    [InlineData("1200 N Main St apt 4", "1200 N Main St apt 4")]
    [InlineData("the zip is 62704", "62704")]
    public void Extract_Locations(string text, string expected) => Assert.Equal(expected, One(text, EntityKind.Location)!.Value);
}
