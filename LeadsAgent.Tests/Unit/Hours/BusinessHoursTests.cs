using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Plans;

namespace LeadsAgent.Tests.Unit.Hours;

public class BusinessHoursTests
{
    static readonly TimeZoneInfo s_chicago = BusinessHours.Zone("America/Chicago");

    static OpeningRange R(int fromHour, int toHour, int fromMinute = 0, int toMinute = 0) => new(fromHour * 60 + fromMinute, toHour * 60 + toMinute);

    /// <summary>The demo plumber: Monday to Friday 8 to 5, Saturday 9 to 1, closed Sunday.</summary>
    public static BusinessHours Acme(params HoursException[] exceptions) => new()
    {
        Week = new()
        {
            [DayOfWeek.Monday] = [R(8, 17)],
            [DayOfWeek.Tuesday] = [R(8, 17)],
            [DayOfWeek.Wednesday] = [R(8, 17)],
            [DayOfWeek.Thursday] = [R(8, 17)],
            [DayOfWeek.Friday] = [R(8, 17)],
            [DayOfWeek.Saturday] = [R(9, 13)],
        },
        Exceptions = [.. exceptions],
    };

    /// <summary>A Chicago wall-clock time as an instant (in winter, UTC-6; from mid-March, UTC-5).</summary>
    static DateTimeOffset Chicago(int year, int month, int day, int hour, int minute = 0) =>
        BusinessHours.ToInstant(new DateOnly(year, month, day), hour * 60 + minute, s_chicago);

    [Fact]
    public void StatusAt_WednesdayMorning_IsOpenUntilFive()
    {
        // 2026-12-02 is a Wednesday; 15:00 UTC is 9:00 in Chicago.
        var status = Acme().StatusAt(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero), s_chicago);
        Assert.True(status.Open);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 23, 0, 0, TimeSpan.Zero), status.Until);
    }

    [Fact]
    public void StatusAt_ExactlyAtClosing_IsClosedAndOpensTomorrowAtEight()
    {
        var status = Acme().StatusAt(Chicago(2026, 12, 2, 17), s_chicago);
        Assert.False(status.Open);
        Assert.Equal(Chicago(2026, 12, 3, 8), status.NextOpening);
        Assert.True(Acme().IsOpenAt(Chicago(2026, 12, 2, 16, 59), s_chicago));
        Assert.False(Acme().IsOpenAt(Chicago(2026, 12, 2, 7, 59), s_chicago));
    }

    [Fact]
    public void NextOpening_SaturdayAfternoon_IsMondayAtEight()
    {
        Assert.Equal(Chicago(2026, 12, 7, 8), Acme().NextOpening(Chicago(2026, 12, 5, 14), s_chicago));
    }

    [Fact]
    public void StatusAt_LunchBreak_IsClosedUntilOneAndOpenMorningUntilNoon()
    {
        var hours = new BusinessHours { Week = new() { [DayOfWeek.Wednesday] = [R(13, 17), R(8, 12)] } };
        Assert.Equal(Chicago(2026, 12, 2, 12), hours.StatusAt(Chicago(2026, 12, 2, 10), s_chicago).Until);
        var lunch = hours.StatusAt(Chicago(2026, 12, 2, 12, 30), s_chicago);
        Assert.False(lunch.Open);
        Assert.Equal(Chicago(2026, 12, 2, 13), lunch.NextOpening);
    }

    [Fact]
    public void StatusAt_Holiday_IsClosedAllDayAndSpecialHoursReplaceTheWeek()
    {
        var hours = Acme(new HoursException(new DateOnly(2026, 12, 25), "Christmas", []),
            new HoursException(new DateOnly(2026, 12, 24), "Christmas Eve", [R(8, 12)]));
        Assert.False(hours.IsOpenAt(Chicago(2026, 12, 25, 10), s_chicago));
        Assert.Equal(Chicago(2026, 12, 26, 9), hours.NextOpening(Chicago(2026, 12, 25, 10), s_chicago));
        Assert.True(hours.IsOpenAt(Chicago(2026, 12, 24, 11), s_chicago));
        Assert.False(hours.IsOpenAt(Chicago(2026, 12, 24, 13), s_chicago));
        Assert.Equal(Chicago(2026, 12, 24, 12), hours.StatusAt(Chicago(2026, 12, 24, 11), s_chicago).Until);
    }

    [Fact]
    public void StatusAt_AcrossSpringForward_KeepsTheWallClockHours()
    {
        // DST starts in Chicago on Sunday 2027-03-14: Monday 8:00 is 14:00 UTC the week before and 13:00 UTC after.
        Assert.False(Acme().IsOpenAt(new DateTimeOffset(2027, 3, 8, 13, 30, 0, TimeSpan.Zero), s_chicago));
        Assert.True(Acme().IsOpenAt(new DateTimeOffset(2027, 3, 8, 14, 0, 0, TimeSpan.Zero), s_chicago));
        Assert.True(Acme().IsOpenAt(new DateTimeOffset(2027, 3, 15, 13, 0, 0, TimeSpan.Zero), s_chicago));
        Assert.False(Acme().IsOpenAt(new DateTimeOffset(2027, 3, 15, 12, 59, 0, TimeSpan.Zero), s_chicago));
        Assert.Equal(new DateTimeOffset(2027, 3, 15, 13, 0, 0, TimeSpan.Zero),
            Acme().NextOpening(new DateTimeOffset(2027, 3, 13, 20, 0, 0, TimeSpan.Zero), s_chicago));
    }

    [Fact]
    public void ToInstant_InTheSpringGapAndTheFallBackHour_PicksTheRealFirstMoment()
    {
        // 2:30 does not exist on 2027-03-14 (clocks jump to 3:00 CDT); 1:30 happens twice on 2026-11-01 (the first is CDT).
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 8, 0, 0, TimeSpan.Zero), BusinessHours.ToInstant(new DateOnly(2027, 3, 14), 150, s_chicago));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero), BusinessHours.ToInstant(new DateOnly(2026, 11, 1), 90, s_chicago));
    }

    [Fact]
    public void StatusAt_RangesJoiningAtMidnight_AreOneOpening()
    {
        var hours = new BusinessHours { Week = new() { [DayOfWeek.Friday] = [R(22, 24)], [DayOfWeek.Saturday] = [R(0, 2)] } };
        Assert.Equal(Chicago(2026, 12, 5, 2), hours.StatusAt(Chicago(2026, 12, 4, 23), s_chicago).Until);
        var always = new BusinessHours { Week = BusinessHours.DaysMondayFirst.ToDictionary(d => d, _ => new List<OpeningRange> { R(0, 24) }) };
        var status = always.StatusAt(Chicago(2026, 12, 4, 23), s_chicago);
        Assert.True(status.Open);
        Assert.Null(status.Until);
    }

    [Fact]
    public void CheckRanges_OverlapsTooManyAndBackwards_AreRefusedInWords()
    {
        Assert.Contains("overlap", BusinessHours.CheckRanges([R(8, 12), R(11, 14)]), StringComparison.Ordinal);
        Assert.Contains("start before it ends", BusinessHours.CheckRanges([R(17, 8)]), StringComparison.Ordinal);
        Assert.Contains("at most 4", BusinessHours.CheckRanges([R(1, 2), R(3, 4), R(5, 6), R(7, 8), R(9, 10)]), StringComparison.Ordinal);
        Assert.Null(BusinessHours.CheckRanges([R(8, 12), R(12, 17)]));
        Assert.Null(OpeningRange.ParseClock("24:30"));
        Assert.Equal(1440, OpeningRange.ParseClock("24:00"));
        Assert.Equal(510, OpeningRange.ParseClock("8:30"));
    }

    [Fact]
    public void Route_FollowsModePlanHoursAndOwnerPhone()
    {
        var open = Chicago(2026, 12, 2, 10);
        var closed = Chicago(2026, 12, 2, 20);
        const string Owner = "+15550001111";
        Assert.Equal(RouteTarget.RingOwner, CallRoutingRules.Route(CallRouting.RING_OWNER_FIRST, PlanTier.BASIC, Owner, null, "America/Chicago", closed));
        Assert.Equal(RouteTarget.Agent, CallRoutingRules.Route(CallRouting.RING_OWNER_FIRST, PlanTier.FREE, Owner, Acme(), "America/Chicago", open));
        Assert.Equal(RouteTarget.Agent, CallRoutingRules.Route(CallRouting.RING_OWNER_FIRST, PlanTier.PRO, null, Acme(), "America/Chicago", open));
        Assert.Equal(RouteTarget.RingOwner, CallRoutingRules.Route(CallRouting.AI_AFTER_HOURS, PlanTier.PRO, Owner, Acme(), "America/Chicago", open));
        Assert.Equal(RouteTarget.Agent, CallRoutingRules.Route(CallRouting.AI_AFTER_HOURS, PlanTier.PRO, Owner, Acme(), "America/Chicago", closed));
        Assert.Equal(RouteTarget.Agent, CallRoutingRules.Route(CallRouting.AI_AFTER_HOURS, PlanTier.PRO, Owner, null, "America/Chicago", open));
        Assert.Equal(RouteTarget.Agent, CallRoutingRules.Route(CallRouting.AI_ALWAYS, PlanTier.PRO, Owner, Acme(), "America/Chicago", open));
    }

    [Theory]
    [InlineData(480, "en", "8 a.m.")]
    [InlineData(1050, "en", "5:30 p.m.")]
    [InlineData(720, "en", "noon")]
    [InlineData(1440, "en", "midnight")]
    [InlineData(1050, "fr", "17 h 30")]
    [InlineData(1050, "de", "17:30 Uhr")]
    [InlineData(1050, "pt", "17h30")]
    [InlineData(1050, "es", "17:30")]
    public void Time_ReadsWellAloud(int minute, string language, string expected) => Assert.Equal(expected, HoursAnswers.Time(minute, language));

    [Fact]
    public void WidgetLine_SaysOpenUntilOrWhenWeCallBack()
    {
        Assert.Equal("Open now · until 5 p.m.", HoursAnswers.WidgetLine(Acme(), "America/Chicago", Chicago(2026, 12, 2, 10), "en"));
        Assert.Equal("Closed now · we'll call you back from 8 a.m. Monday", HoursAnswers.WidgetLine(Acme(), "America/Chicago", Chicago(2026, 12, 5, 14), "en"));
        Assert.Equal("Closed now · we'll call you back from 8 a.m. tomorrow", HoursAnswers.WidgetLine(Acme(), "America/Chicago", Chicago(2026, 12, 2, 18), "en"));
    }
}
