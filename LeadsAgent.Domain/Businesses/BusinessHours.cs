using LeadsAgent.Domain.Common;

namespace LeadsAgent.Domain.Businesses;

/// <summary>An opening range inside one day, in minutes since local midnight; <see cref="To"/> may be 1440 (midnight at the end of the day).</summary>
public sealed record OpeningRange(int From, int To)
{
    public const int EndOfDay = 24 * 60;

    public bool Contains(int minute) => minute >= From && minute < To;

    /// <summary>"08:00"; 1440 is "24:00".</summary>
    public static string Clock(int minute) => $"{minute / 60:00}:{minute % 60:00}";

    /// <summary>"8:00", "08:00", "17:30", "24:00" → minutes; null when not a time of day.</summary>
    public static int? ParseClock(string? text)
    {
        var parts = text?.Trim().Split(':');
        if (parts is not { Length: 2 } || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h)
            || parts[1].Length != 2 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m)
            || h > 24 || m > 59 || h == 24 && m != 0)
        {
            return null;
        }

        return h * 60 + m;
    }
}

/// <summary>A dated change to the weekly schedule: a holiday (no ranges, closed all day) or special hours for that date.</summary>
public sealed record HoursException(DateOnly Date, string? Label, IReadOnlyList<OpeningRange> Ranges)
{
    public const int MaxLabel = 80;
    public bool Closed => Ranges.Count == 0;
}

/// <summary>Where a business stands at an instant: open (until when) or closed (and when it opens again).</summary>
/// <param name="Until">The end of the current opening, following ranges that join across midnight; null when open around the clock.</param>
/// <param name="NextOpening">When closed, the next opening; null when none is scheduled within a year.</param>
public sealed record HoursStatus(bool Open, DateTimeOffset? Until, DateTimeOffset? NextOpening);

/// <summary>
/// A business's opening hours: a weekly schedule with several ranges a day, and dated exceptions (holidays, special
/// hours). Evaluated in the business's IANA time zone from instants, so the answer is right on both sides of a
/// daylight-saving change: the local wall clock is what the owner means by "8 to 5".
/// </summary>
public sealed class BusinessHours
{
    public const int MaxRangesPerDay = 4;
    public const int MaxExceptions = 60;
    const int LookAheadDays = 370;

    /// <summary>The weekly schedule; a day missing or with no ranges is closed.</summary>
    public Dictionary<DayOfWeek, List<OpeningRange>> Week { get; init; } = [];
    public List<HoursException> Exceptions { get; init; } = [];

    /// <summary>Whether any day has a range: a schedule with none says nothing about hours (treated as not set).</summary>
    public bool IsSet => Week.Values.Any(r => r.Count > 0);

    /// <summary>The days of the week in the order an owner reads them: Monday first.</summary>
    public static IReadOnlyList<DayOfWeek> DaysMondayFirst { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public IReadOnlyList<OpeningRange> WeeklyRanges(DayOfWeek day) =>
        Week.TryGetValue(day, out var ranges) ? [.. ranges.OrderBy(r => r.From)] : [];

    /// <summary>The ranges of a date: its exception when there is one, else its weekday's.</summary>
    public IReadOnlyList<OpeningRange> RangesOn(DateOnly date) =>
        ExceptionOn(date) is { } exception ? [.. exception.Ranges.OrderBy(r => r.From)] : WeeklyRanges(date.DayOfWeek);

    public HoursException? ExceptionOn(DateOnly date) => Exceptions.FirstOrDefault(e => e.Date == date);

    public bool IsOpenAt(DateTimeOffset instant, TimeZoneInfo zone) => StatusAt(instant, zone).Open;

    public HoursStatus StatusAt(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var minute = local.Hour * 60 + local.Minute;
        var current = RangesOn(date).FirstOrDefault(r => r.Contains(minute));
        return current is null
            ? new HoursStatus(false, null, NextOpening(instant, zone))
            : new HoursStatus(true, EndOfOpening(date, current, zone), null);
    }

    /// <summary>The first opening after <paramref name="instant"/> (a range starting later today, or on a later day).</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        for (var d = 0; d < LookAheadDays; d++)
        {
            var date = today.AddDays(d);
            foreach (var range in RangesOn(date))
            {
                var start = ToInstant(date, range.From, zone);
                if (start > instant)
                {
                    return start;
                }
            }
        }

        return null;
    }

    /// <summary>The end of this range, carried on while the next range starts where it ends (22:00–24:00 then 00:00–02:00).</summary>
    DateTimeOffset? EndOfOpening(DateOnly date, OpeningRange range, TimeZoneInfo zone)
    {
        for (var guard = 0; guard < 8 * MaxRangesPerDay; guard++)
        {
            var (nextDate, from) = range.To >= OpeningRange.EndOfDay ? (date.AddDays(1), 0) : (date, range.To);
            var joined = RangesOn(nextDate).FirstOrDefault(r => r.From == from && r.To > from);
            if (joined is null)
            {
                return ToInstant(date, range.To, zone);
            }

            (date, range) = (nextDate, joined);
        }

        return null;
    }

    /// <summary>
    /// The instant of a local wall-clock time. In the spring-forward gap (2:30 does not exist) the time moves to the end
    /// of the gap; in the fall-back hour (1:30 happens twice) the first occurrence is taken.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, int minute, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddMinutes(minute);
        var guard = 0;
        while (zone.IsInvalidTime(local) && guard++ < 180)
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The zone of an IANA id; the default zone when the id is unknown, so a bad value never stops a call.</summary>
    public static TimeZoneInfo Zone(string? timeZoneId)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(timeZoneId) ? Business.DefaultTimeZone : timeZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById(Business.DefaultTimeZone);
        }
    }

    /// <summary>Throws a <see cref="DomainException"/> naming the first problem; the API's validator says the same in detail first.</summary>
    public void EnsureValid()
    {
        foreach (var (day, ranges) in Week)
        {
            if (CheckRanges(ranges) is { } problem)
            {
                throw new DomainException($"{day}: {problem}", "week");
            }
        }

        if (Exceptions.GroupBy(e => e.Date).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DomainException($"{twice.Key:yyyy-MM-dd} is listed twice.", "exceptions");
        }

        foreach (var exception in Exceptions)
        {
            if (CheckRanges(exception.Ranges) is { } problem)
            {
                throw new DomainException($"{exception.Date:yyyy-MM-dd}: {problem}", "exceptions");
            }
        }
    }

    /// <summary>What is wrong with one day's ranges, in an owner's words; null when they are fine.</summary>
    public static string? CheckRanges(IReadOnlyList<OpeningRange> ranges)
    {
        if (ranges.Count > MaxRangesPerDay)
        {
            return $"at most {MaxRangesPerDay} opening times a day.";
        }

        if (ranges.Any(r => r.From < 0 || r.To > OpeningRange.EndOfDay || r.From >= OpeningRange.EndOfDay))
        {
            return "times must be within the day (00:00 to 24:00).";
        }

        if (ranges.Any(r => r.From >= r.To))
        {
            return "each opening time must start before it ends.";
        }

        var ordered = ranges.OrderBy(r => r.From).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].From < ordered[i - 1].To)
            {
                return $"{OpeningRange.Clock(ordered[i - 1].From)}–{OpeningRange.Clock(ordered[i - 1].To)} and {OpeningRange.Clock(ordered[i].From)}–{OpeningRange.Clock(ordered[i].To)} overlap.";
            }
        }

        return null;
    }
}
