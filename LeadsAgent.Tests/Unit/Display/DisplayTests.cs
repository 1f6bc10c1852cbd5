using LeadsAgent.Web.Application.Display;
using Microsoft.Extensions.Time.Testing;

namespace LeadsAgent.Tests.Unit.Display;

public class DisplayTests
{
    [Theory]
    [InlineData("+15552014477", "(555) 201-4477", "tel:+15552014477")]
    [InlineData("+12125550100", "(212) 555-0100", "tel:+12125550100")]
    [InlineData("+442079460018", "+44 20 7946 0018", "tel:+442079460018")]
    [InlineData("not a number", "not a number", null)]
    public void PhoneDisplay_FormatsForReadingAndTapping(string raw, string shown, string? tel)
    {
        Assert.Equal(shown, PhoneDisplay.Format(raw));
        Assert.Equal(tel, PhoneDisplay.TelLink(raw));
    }

    [Fact]
    public void BusinessClock_TodayStartsAtTheBusinessesMidnightNotUtcs()
    {
        // 03:30 UTC on 2 Dec is still 1 Dec, 21:30 in Chicago (CST, UTC-6).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 3, 30, 0, TimeSpan.Zero));
        var clock = new BusinessClock("America/Chicago", time);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), clock.StartOfToday());
        Assert.Equal(TimeSpan.Zero, clock.StartOfToday().Offset);
        Assert.Equal("9:30 PM CST", clock.Format(time.GetUtcNow()));
        Assert.Equal("Yesterday 11:00 PM CST", clock.Format(new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void BusinessClock_SaysDaylightTimeInSummerAndAnOffsetForUnlistedZones()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 16, 0, 0, TimeSpan.Zero));

        Assert.Equal("12:00 PM EDT", new BusinessClock("America/New_York", time).Format(time.GetUtcNow()));
        Assert.Equal("9:30 PM GMT+5:30", new BusinessClock("Asia/Kolkata", time).Format(time.GetUtcNow()));
        Assert.Equal("12:00 PM EDT", new BusinessClock("No/Such_Zone", time).Format(time.GetUtcNow()));
    }

    [Fact]
    public void BusinessClock_RelativeTimesAndDurationsReadNaturally()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero));
        var clock = new BusinessClock("America/New_York", time);

        Assert.Equal("just now", clock.Relative(time.GetUtcNow().AddSeconds(-20)));
        Assert.Equal("3 min ago", clock.Relative(time.GetUtcNow().AddMinutes(-3)));
        Assert.Equal("2 h ago", clock.Relative(time.GetUtcNow().AddHours(-2)));
        Assert.Equal("45 s", BusinessClock.Duration(TimeSpan.FromSeconds(45)));
        Assert.Equal("3 min 05 s", BusinessClock.Duration(TimeSpan.FromSeconds(185)));
    }

    [Fact]
    public void Words_NeverShowCodes()
    {
        Assert.Equal("Website chat", Words.Channel(LeadsAgent.Domain.Leads.Channel.CHAT));
        Assert.Equal("Real estate", Words.BusinessType(LeadsAgent.Domain.Businesses.BusinessType.REAL_ESTATE));
        Assert.Equal("Water pouring in", Words.Rule("water_pouring"));
        Assert.Equal("Some new rule", Words.Rule("some_new_rule"));
        Assert.Equal("Emergency: asking for the address", Words.Step("emergency", true, "address", null));
        Assert.Equal("Taking the job details", Words.Step("lead_capture", false, null, null));
        Assert.Equal("Completed", Words.Outcome(LeadsAgent.Domain.Conversations.ConversationStatus.COMPLETED, false));
    }
}
