using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Businesses;

namespace LeadsAgent.Tests.Unit.Booking;

public class SlotFinderTests
{
    static readonly TimeZoneInfo s_chicago = BusinessHours.Zone("America/Chicago");
    static readonly Guid s_business = Guid.NewGuid();
    static readonly DateTimeOffset s_created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static OpeningRange R(int fromHour, int toHour) => new(fromHour * 60, toHour * 60);

    /// <summary>The demo plumber: Monday to Friday 8 to 5, Saturday 9 to 1, closed Sunday.</summary>
    static BusinessHours Acme(params HoursException[] exceptions) => new()
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

    static BusinessHours Sundays(int fromHour, int toHour) => new() { Week = new() { [DayOfWeek.Sunday] = [R(fromHour, toHour)] } };

    static DateTimeOffset Chicago(int year, int month, int day, int hour, int minute = 0) =>
        BusinessHours.ToInstant(new DateOnly(year, month, day), hour * 60 + minute, s_chicago);

    static readonly BookableService s_repair = BookableService.Create(s_business, "Repair visit", 60, 15, true, s_created);
    static readonly BookableService s_estimate = BookableService.Create(s_business, "Free estimate", 30, 0, true, s_created);

    static BookingRules Rules(int notice = 2, int horizon = 14, int? maxPerDay = null) =>
        new() { BusinessId = s_business, MinimumNoticeHours = notice, HorizonDays = horizon, MaxPerDay = maxPerDay };

    static SlotQuery Query(BusinessHours? hours, DateTimeOffset now, BookingRules? rules = null, IReadOnlyList<Domain.Booking.Booking>? bookings = null,
        IReadOnlyList<BusyInterval>? busy = null) =>
        new(hours, s_chicago, rules ?? Rules(), bookings ?? [], busy ?? [], now);

    static Domain.Booking.Booking Booked(BookableService service, DateTimeOffset start) =>
        Domain.Booking.Booking.Create(s_business, service, start, "Maria", null, null, null, s_created);

    /// <summary>"Wed 11:30" in Chicago, for assertions that read like the owner's calendar.</summary>
    static string[] Local(IEnumerable<Slot> slots) =>
        [.. slots.Select(s => $"{s.StartsAt:ddd HH:mm}{(s.StartsAt.Offset == s_chicago.GetUtcOffset(s.StartsAt) ? "" : " wrong offset")}")];

    [Fact]
    public void Find_WednesdayMorning_OffersHalfHoursAfterTheNotice()
    {
        // 2026-12-02 is a Wednesday; two hours' notice from 9:10 is 11:10, so 11:30 is the first half hour.
        var slots = SlotFinder.Find(Query(Acme(), Chicago(2026, 12, 2, 9, 10)), s_repair, 3);
        Assert.Equal(["Wed 11:30", "Wed 12:00", "Wed 12:30"], Local(slots));
        Assert.Equal(Chicago(2026, 12, 2, 12, 30), slots[0].EndsAt);
        Assert.Equal(TimeSpan.FromHours(-6), slots[0].StartsAt.Offset);
    }

    [Fact]
    public void Spread_EightTimes_AreMorningMiddayAndAfternoonOnTheNextDays()
    {
        var free = SlotFinder.Find(Query(Acme(), Chicago(2026, 12, 2, 9, 10)), s_repair, 100);

        var spread = SlotFinder.Spread(free, s_chicago, 8);

        Assert.Equal(["Wed 11:30", "Wed 13:30", "Wed 16:00", "Thu 08:00", "Thu 12:00", "Thu 16:00", "Fri 08:00", "Fri 12:00"], Local(spread));
        // A day with few free times offers all of them.
        Assert.Equal(["Fri 16:00", "Sat 09:00", "Sat 10:30", "Sat 12:00"],
            Local(SlotFinder.Spread(SlotFinder.Find(Query(Acme(), Chicago(2026, 12, 4, 14, 0)), s_repair, 100), s_chicago, 4)));
    }

    [Fact]
    public void Find_VisitMustEndByClosing_NextSlotsAreSaturdayMorning()
    {
        var slots = SlotFinder.Find(Query(Acme(), Chicago(2026, 12, 4, 14, 0)), s_repair, 3);
        // Friday 16:00 ends at 17:00 (the buffer may run past closing); 16:30 would end after closing.
        Assert.Equal(["Fri 16:00", "Sat 09:00", "Sat 09:30"], Local(slots));
    }

    [Fact]
    public void Find_BookedVisit_SkipsItsTimeAndBothBuffers()
    {
        // A repair at 11:30 blocks 11:30-12:45 (15 minutes' buffer); a new repair at 10:30 would run with its buffer into it.
        var existing = Booked(s_repair, Chicago(2026, 12, 2, 11, 30));
        var slots = SlotFinder.Find(Query(Acme(), Chicago(2026, 12, 2, 8, 0), bookings: [existing]), s_repair, 3);
        Assert.Equal(["Wed 10:00", "Wed 13:00", "Wed 13:30"], Local(slots));
    }

    [Fact]
    public void Find_CancelledVisit_FreesItsTime()
    {
        var existing = Booked(s_repair, Chicago(2026, 12, 2, 10, 0));
        existing.Cancel(s_created);
        var slots = SlotFinder.Find(Query(Acme(), Chicago(2026, 12, 2, 8, 0), bookings: [existing]), s_repair, 1);
        Assert.Equal(["Wed 10:00"], Local(slots));
    }

    [Fact]
    public void Find_CalendarBusyTime_IsSkipped()
    {
        var busy = new BusyInterval(Chicago(2026, 12, 2, 10, 0), Chicago(2026, 12, 2, 11, 0));
        var slots = SlotFinder.Find(Query(Acme(), Chicago(2026, 12, 2, 8, 0), busy: [busy]), s_estimate, 2);
        Assert.Equal(["Wed 11:00", "Wed 11:30"], Local(slots));
    }

    [Fact]
    public void Find_HolidaysAndSpecialHours_ComeFromTheBusinessHours()
    {
        var hours = Acme(
            new HoursException(new DateOnly(2026, 12, 24), "Christmas Eve", []),
            new HoursException(new DateOnly(2026, 12, 25), "Christmas", []),
            new HoursException(new DateOnly(2026, 12, 26), "Short Saturday", [R(10, 12)]));
        var slots = SlotFinder.Find(Query(hours, Chicago(2026, 12, 23, 16, 0)), s_repair, 3);
        Assert.Equal(["Sat 10:00", "Sat 10:30", "Sat 11:00"], Local(slots));
    }

    [Fact]
    public void Find_DayAtItsMaximum_IsSkipped()
    {
        var bookings = new[] { Booked(s_estimate, Chicago(2026, 12, 2, 8, 0)), Booked(s_estimate, Chicago(2026, 12, 2, 9, 0)) };
        var slots = SlotFinder.Find(Query(Acme(), Chicago(2026, 12, 1, 18, 0), Rules(maxPerDay: 2), bookings), s_estimate, 1);
        Assert.Equal(["Thu 08:00"], Local(slots));
    }

    [Fact]
    public void Find_BeyondTheHorizon_NothingIsOffered()
    {
        // Saturday evening with one day ahead: Sunday is closed, Monday is past the horizon.
        Assert.Empty(SlotFinder.Find(Query(Acme(), Chicago(2026, 12, 5, 18, 0), Rules(horizon: 1)), s_estimate, 3));
        Assert.Equal(["Mon 08:00"], Local(SlotFinder.Find(Query(Acme(), Chicago(2026, 12, 5, 18, 0), Rules(horizon: 2)), s_estimate, 1)));
    }

    [Fact]
    public void Find_NoHoursSet_NothingIsOffered()
    {
        Assert.Empty(SlotFinder.Find(Query(null, Chicago(2026, 12, 2, 8, 0)), s_estimate, 3));
        Assert.Empty(SlotFinder.Find(Query(new BusinessHours(), Chicago(2026, 12, 2, 8, 0)), s_estimate, 3));
    }

    [Fact]
    public void Find_SpringForwardDay_SkipsTheMissingHour()
    {
        // 2027-03-14 in Chicago: 2:00 becomes 3:00, so 2:00 and 2:30 do not exist; 1:30 + 30 minutes ends at 3:00 CDT.
        var slots = SlotFinder.Find(Query(Sundays(0, 6), Chicago(2027, 3, 13, 22, 0), Rules(notice: 0)), s_estimate, 20);
        var sunday = slots.Where(s => s.StartsAt.Date == new DateTime(2027, 3, 14)).ToList();
        Assert.Equal(["Sun 00:00", "Sun 00:30", "Sun 01:00", "Sun 01:30", "Sun 03:00", "Sun 03:30", "Sun 04:00", "Sun 04:30", "Sun 05:00", "Sun 05:30"], Local(sunday));
        Assert.Equal(TimeSpan.FromMinutes(30), sunday[3].EndsAt - sunday[3].StartsAt);
        Assert.Equal(TimeSpan.FromHours(-5), sunday[4].StartsAt.Offset);
        Assert.Equal(sunday.Count, sunday.Select(s => s.StartsAt.UtcDateTime).Distinct().Count());
    }

    [Fact]
    public void Find_FallBackDay_OffersTheRepeatedHourOnce()
    {
        // 2026-11-01 in Chicago: 1:00-2:00 happens twice; each wall-clock time is offered once (the first), each visit lasts 60 real minutes.
        var slots = SlotFinder.Find(Query(Sundays(0, 4), Chicago(2026, 10, 31, 22, 0), Rules(notice: 0)), s_repair, 20)
            .Where(s => s.StartsAt.Date == new DateTime(2026, 11, 1)).ToList();
        Assert.Equal(["Sun 00:00", "Sun 00:30", "Sun 01:00", "Sun 01:30", "Sun 02:00", "Sun 02:30", "Sun 03:00"], Local(slots));
        Assert.Equal(TimeSpan.FromHours(-5), slots[2].StartsAt.Offset);
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromHours(1), s.EndsAt - s.StartsAt));
    }

    [Fact]
    public void Problem_NamesWhyATimeCannotBeBooked()
    {
        var now = Chicago(2026, 12, 2, 9, 0);
        var existing = Booked(s_repair, Chicago(2026, 12, 3, 10, 0));
        var query = Query(Acme(), now, bookings: [existing]);
        Assert.Equal(SlotProblem.Notice, SlotFinder.Problem(query, s_repair, Chicago(2026, 12, 2, 10, 0), null)?.Kind);
        Assert.Equal(SlotProblem.Closed, SlotFinder.Problem(query, s_repair, Chicago(2026, 12, 2, 16, 30), null)?.Kind);
        Assert.Equal(SlotProblem.Closed, SlotFinder.Problem(query, s_repair, Chicago(2026, 12, 6, 10, 0), null)?.Kind);
        Assert.Equal(SlotProblem.Horizon, SlotFinder.Problem(query, s_repair, Chicago(2026, 12, 30, 10, 0), null)?.Kind);
        var taken = SlotFinder.Problem(query, s_repair, Chicago(2026, 12, 3, 10, 30), null);
        Assert.Equal(SlotProblem.Taken, taken?.Kind);
        Assert.Equal("That time was just taken. Please choose another time.", taken?.Message);
        // Moving a booking may overlap its own old time.
        Assert.Null(SlotFinder.Problem(query, s_repair, Chicago(2026, 12, 3, 10, 30), existing.Id));
    }

    [Fact]
    public void Create_BadServiceFields_AreRefusedInOwnerWords()
    {
        Assert.Equal("durationMinutes", BookableService.Problem("Visit", 7, 0)?.Field);
        Assert.Equal("bufferMinutes", BookableService.Problem("Visit", 60, -5)?.Field);
        Assert.Equal("name", BookableService.Problem(" ", 60, 0)?.Field);
        Assert.Null(BookableService.Problem("Visit", 60, 15));
        Assert.Equal("maxPerDay", BookingRules.Problem(2, 14, 0)?.Field);
        Assert.Equal("horizonDays", BookingRules.Problem(2, 0, null)?.Field);
    }
}
