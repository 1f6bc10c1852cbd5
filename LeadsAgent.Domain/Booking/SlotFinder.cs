using LeadsAgent.Domain.Businesses;

namespace LeadsAgent.Domain.Booking;

/// <summary>A free time for a service: the visit itself, in the business's zone.</summary>
public sealed record Slot(DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>Everything a slot depends on, so the finder stays a pure function of its inputs (the clock included).</summary>
/// <param name="Bookings">The business's bookings (cancelled ones are ignored); each blocks its time and its buffer.</param>
/// <param name="Busy">Other busy times, such as calendar events (a later step reads them from the owner's calendar).</param>
public sealed record SlotQuery(BusinessHours? Hours, TimeZoneInfo Zone, BookingRules Rules, IReadOnlyList<Booking> Bookings,
    IReadOnlyList<BusyInterval> Busy, DateTimeOffset Now);

/// <summary>
/// Finds free slots: every half hour on the hour or half hour of the local wall clock, inside an opening range of the
/// business hours (weekly ranges or the date's exception), with the minimum notice, within the horizon, under the
/// day's maximum, and clear of other bookings and their buffers. Wall-clock times that do not exist on a
/// spring-forward day are skipped; on a fall-back day a time is offered once (its first occurrence).
/// </summary>
public static class SlotFinder
{
    public const int Step = 30;
    public const int MaxCount = 20;

    /// <summary>
    /// At most <paramref name="count"/> of <paramref name="slots"/> (nearest first) spread over the days: each day's
    /// first, middle and last free time (all of them when it has <paramref name="perDay"/> or fewer), so a short list
    /// offers a morning and an afternoon on several days rather than one morning's half hours.
    /// </summary>
    public static IReadOnlyList<Slot> Spread(IReadOnlyList<Slot> slots, TimeZoneInfo zone, int count, int perDay = 3)
    {
        var spread = new List<Slot>();
        foreach (var day in slots.GroupBy(s => LocalDate(s.StartsAt, zone)))
        {
            var times = day.ToList();
            var picks = times.Count <= perDay ? times
                : Enumerable.Range(0, perDay).Select(i => times[i * (times.Count - 1) / (perDay - 1)]).Distinct();
            foreach (var slot in picks)
            {
                if (spread.Count == count)
                {
                    return spread;
                }

                spread.Add(slot);
            }
        }

        return spread;
    }

    /// <summary>The nearest free slots for <paramref name="service"/> from <paramref name="from"/> (or now), at most <paramref name="count"/>.</summary>
    public static IReadOnlyList<Slot> Find(SlotQuery query, BookableService service, int count, DateTimeOffset? from = null)
    {
        var slots = new List<Slot>();
        if (query.Hours is not { IsSet: true } hours || count <= 0)
        {
            return slots;
        }

        var earliest = Max(query.Now.AddHours(query.Rules.MinimumNoticeHours), from ?? query.Now);
        var latest = query.Now.AddDays(query.Rules.HorizonDays);
        var date = LocalDate(earliest, query.Zone);
        var lastDate = LocalDate(latest, query.Zone);
        for (; date <= lastDate && slots.Count < count; date = date.AddDays(1))
        {
            if (DayIsFull(query, date, ignore: null))
            {
                continue;
            }

            foreach (var range in hours.RangesOn(date))
            {
                for (var minute = (range.From + Step - 1) / Step * Step; minute < range.To && slots.Count < count; minute += Step)
                {
                    if (!Exists(date, minute, query.Zone))
                    {
                        continue;
                    }

                    var start = BusinessHours.ToInstant(date, minute, query.Zone);
                    if (start >= earliest && Problem(query, service, start, ignore: null) is null)
                    {
                        slots.Add(new Slot(TimeZoneInfo.ConvertTime(start, query.Zone), TimeZoneInfo.ConvertTime(start.AddMinutes(service.DurationMinutes), query.Zone)));
                    }
                }
            }
        }

        return slots;
    }

    /// <summary>
    /// Why a visit for <paramref name="service"/> cannot start at <paramref name="start"/>, in an owner's words; null
    /// when it can. <see cref="SlotProblem.Taken"/> means another booking or busy time is in the way.
    /// </summary>
    /// <param name="ignore">A booking to leave out (the one being moved).</param>
    public static (SlotProblem Kind, string Message)? Problem(SlotQuery query, BookableService service, DateTimeOffset start, Guid? ignore)
    {
        if (query.Hours is not { IsSet: true } hours)
        {
            return (SlotProblem.Closed, "Set your business hours first: bookings are taken inside them.");
        }

        if (start < query.Now.AddHours(query.Rules.MinimumNoticeHours))
        {
            return (SlotProblem.Notice, query.Rules.MinimumNoticeHours == 0
                ? "That time has already passed."
                : $"Bookings need at least {query.Rules.MinimumNoticeHours} hours' notice.");
        }

        if (start > query.Now.AddDays(query.Rules.HorizonDays))
        {
            return (SlotProblem.Horizon, $"Bookings can be made at most {query.Rules.HorizonDays} days ahead.");
        }

        var end = start.AddMinutes(service.DurationMinutes);
        var local = TimeZoneInfo.ConvertTime(start, query.Zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var minute = local.Hour * 60 + local.Minute;
        var range = hours.RangesOn(date).FirstOrDefault(r => r.Contains(minute));
        if (range is null || end > BusinessHours.ToInstant(date, range.To, query.Zone))
        {
            return (SlotProblem.Closed, "That time is outside your business hours (the whole visit must fit inside them).");
        }

        if (DayIsFull(query, date, ignore))
        {
            return (SlotProblem.DayFull, $"That day already has the most bookings you take ({query.Rules.MaxPerDay}).");
        }

        var busyUntil = end.AddMinutes(service.BufferMinutes);
        if (query.Bookings.Any(b => b.IsBooked && b.Id != ignore && b.Busy.Overlaps(start, busyUntil))
            || query.Busy.Any(b => b.Overlaps(start, busyUntil)))
        {
            return (SlotProblem.Taken, Booking.TakenMessage);
        }

        return null;
    }

    static bool DayIsFull(SlotQuery query, DateOnly date, Guid? ignore) =>
        query.Rules.MaxPerDay is { } max
        && query.Bookings.Count(b => b.IsBooked && b.Id != ignore && LocalDate(b.StartsAt, query.Zone) == date) >= max;

    /// <summary>Whether a wall-clock time happens on that date (not in a spring-forward gap).</summary>
    static bool Exists(DateOnly date, int minute, TimeZoneInfo zone) =>
        !zone.IsInvalidTime(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddMinutes(minute));

    static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

/// <summary>Why a time cannot be booked.</summary>
public enum SlotProblem
{
    Closed,
    Notice,
    Horizon,
    DayFull,
    Taken,
}
