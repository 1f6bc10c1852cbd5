using System.Globalization;

namespace LeadsAgent.Web.Application.Display;

/// <summary>
/// Dates and times as the owner reads them: in the business's time zone (IANA id, e.g. America/Chicago) with its
/// abbreviation, "today" starting at the business's midnight, and relative times where they help ("3 min ago").
/// </summary>
public sealed class BusinessClock
{
    static readonly CultureInfo s_culture = CultureInfo.GetCultureInfo("en-US");
    readonly TimeProvider _clock;

    public BusinessClock(string? timeZoneId, TimeProvider clock)
    {
        _clock = clock;
        Zone = Find(timeZoneId);
    }

    public TimeZoneInfo Zone { get; }

    public static TimeZoneInfo Find(string? id)
    {
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(LeadsAgent.Domain.Businesses.Business.DefaultTimeZone, out var fallback) ? fallback : TimeZoneInfo.Utc;
    }

    public DateTimeOffset Now => _clock.GetUtcNow();

    public DateTimeOffset ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The business's midnight today (as an instant), so "today" resets when the owner's day does.</summary>
    public DateTimeOffset StartOfToday() => StartOfDay(ToLocal(Now).Date);

    /// <summary>The instant a local calendar day starts in the business's zone (daylight saving aware).</summary>
    public DateTimeOffset StartOfDay(DateTime localDate)
    {
        var local = DateTime.SpecifyKind(localDate.Date, DateTimeKind.Unspecified);
        // A day that starts inside a spring-forward gap starts at the first valid minute.
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        // As UTC: PostgreSQL (timestamptz through Npgsql) takes instants with offset 0 only.
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>"EST", "CDT", "GMT+2": the zone's abbreviation at that instant.</summary>
    public string Abbreviation(DateTimeOffset at) => ZoneAbbreviations.For(Zone, ToLocal(at));

    /// <summary>"3:04 PM EST" today, "Yesterday 3:04 PM EST", "Mon 1 Dec, 3:04 PM EST" otherwise.</summary>
    public string Format(DateTimeOffset at)
    {
        var local = ToLocal(at);
        var today = ToLocal(Now).Date;
        var time = local.ToString("h:mm tt", s_culture) + " " + Abbreviation(at);
        if (local.Date == today)
        {
            return time;
        }

        if (local.Date == today.AddDays(-1))
        {
            return "Yesterday " + time;
        }

        var day = local.Year == today.Year ? local.ToString("ddd d MMM", s_culture) : local.ToString("d MMM yyyy", s_culture);
        return $"{day}, {time}";
    }

    /// <summary>A date without a time: "Mon 1 Dec".</summary>
    public string FormatDay(DateTime localDate) => localDate.ToString(localDate.Year == ToLocal(Now).Year ? "ddd d MMM" : "d MMM yyyy", s_culture);

    /// <summary>"just now", "3 min ago", "2 h ago"; past a day, the full <see cref="Format"/>.</summary>
    public string Relative(DateTimeOffset at)
    {
        var ago = Now - at;
        if (ago < TimeSpan.FromSeconds(45))
        {
            return "just now";
        }

        if (ago < TimeSpan.FromHours(1))
        {
            return $"{Math.Max(1, (int)Math.Round(ago.TotalMinutes))} min ago";
        }

        return ago < TimeSpan.FromHours(24) ? $"{(int)ago.TotalHours} h ago" : Format(at);
    }

    /// <summary>A length of time for a call or chat: "45 s", "3 min 05 s", "1 h 02 min".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        if (span.TotalMinutes < 1)
        {
            return $"{(int)span.TotalSeconds} s";
        }

        return span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min {span.Seconds:00} s" : $"{(int)span.TotalHours} h {span.Minutes:00} min";
    }
}

/// <summary>
/// Time-zone abbreviations. .NET on Linux exposes IANA zones without their abbreviations, so the common North
/// American, European and Australian ones are listed here (standard, daylight); any other zone reads as its offset
/// ("GMT+5:30"), which is unambiguous.
/// </summary>
public static class ZoneAbbreviations
{
    static readonly Dictionary<string, (string Standard, string Daylight)> s_names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["America/New_York"] = ("EST", "EDT"),
        ["America/Detroit"] = ("EST", "EDT"),
        ["America/Toronto"] = ("EST", "EDT"),
        ["America/Indiana/Indianapolis"] = ("EST", "EDT"),
        ["America/Chicago"] = ("CST", "CDT"),
        ["America/Winnipeg"] = ("CST", "CDT"),
        ["America/Denver"] = ("MST", "MDT"),
        ["America/Edmonton"] = ("MST", "MDT"),
        ["America/Phoenix"] = ("MST", "MST"),
        ["America/Los_Angeles"] = ("PST", "PDT"),
        ["America/Vancouver"] = ("PST", "PDT"),
        ["America/Anchorage"] = ("AKST", "AKDT"),
        ["Pacific/Honolulu"] = ("HST", "HST"),
        ["America/Halifax"] = ("AST", "ADT"),
        ["America/St_Johns"] = ("NST", "NDT"),
        ["America/Puerto_Rico"] = ("AST", "AST"),
        ["Europe/London"] = ("GMT", "BST"),
        ["Europe/Dublin"] = ("GMT", "IST"),
        ["Europe/Lisbon"] = ("WET", "WEST"),
        ["Europe/Paris"] = ("CET", "CEST"),
        ["Europe/Berlin"] = ("CET", "CEST"),
        ["Europe/Madrid"] = ("CET", "CEST"),
        ["Europe/Rome"] = ("CET", "CEST"),
        ["Europe/Amsterdam"] = ("CET", "CEST"),
        ["Australia/Sydney"] = ("AEST", "AEDT"),
        ["Australia/Melbourne"] = ("AEST", "AEDT"),
        ["Australia/Brisbane"] = ("AEST", "AEST"),
        ["Australia/Perth"] = ("AWST", "AWST"),
        ["Etc/UTC"] = ("UTC", "UTC"),
        ["UTC"] = ("UTC", "UTC"),
    };

    public static string For(TimeZoneInfo zone, DateTimeOffset local)
    {
        if (s_names.TryGetValue(zone.Id, out var names))
        {
            return zone.IsDaylightSavingTime(local) ? names.Daylight : names.Standard;
        }

        var offset = zone.GetUtcOffset(local);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        offset = offset.Duration();
        return offset == TimeSpan.Zero ? "GMT" : offset.Minutes == 0 ? $"GMT{sign}{offset.Hours}" : $"GMT{sign}{offset.Hours}:{offset.Minutes:00}";
    }
}
