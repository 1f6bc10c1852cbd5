using System.Globalization;
using LeadsAgent.Web.Application.Display;

namespace LeadsAgent.Web.Application.Account;

/// <summary>
/// The IANA time zones an owner can pick ("America/Chicago"), searchable by city or region as typed ("chicago",
/// "new york", "central"), each described with its offset and the time there now, so the owner can tell the right
/// one by the clock.
/// </summary>
public sealed class TimeZoneChoices(TimeProvider clock)
{
    static readonly CultureInfo s_culture = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Every IANA zone id the server knows (Region/City), sorted.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/') && !id.StartsWith("Etc/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>The zones most owners pick, shown first when nothing is typed yet.</summary>
    static readonly string[] s_common =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage",
        "Pacific/Honolulu", "America/Toronto", "America/Vancouver", "America/Mexico_City", "Europe/London", "Australia/Sydney",
    ];

    /// <summary>Zones matching what was typed: every word must appear in the id (underscores read as spaces); common ones first.</summary>
    public static IEnumerable<string> Search(string? typed, int max = 30)
    {
        var words = (typed ?? "").Trim().ToLowerInvariant().Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var known = s_common.Where(All.Contains);
        if (words.Length == 0)
        {
            return known.Take(max);
        }

        bool Matches(string id) => words.All(w => id.Replace('_', ' ').Contains(w, StringComparison.OrdinalIgnoreCase));
        return known.Where(Matches).Concat(All.Where(Matches).Except(s_common)).Take(max);
    }

    public static bool Exists(string? id) => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>"America/Chicago" → "Chicago (America), UTC−6".</summary>
    public string Label(string? id)
    {
        if (!Exists(id))
        {
            return id ?? "";
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(id!);
        var parts = id!.Split('/');
        var place = parts[^1].Replace('_', ' ');
        var region = string.Join(", ", parts[..^1].Select(p => p.Replace('_', ' ')));
        return $"{place} ({region}), {Offset(zone.GetUtcOffset(clock.GetUtcNow()))}";
    }

    /// <summary>"It's 9:41 PM there now (CST), Wednesday 2 December."</summary>
    public string NowIn(string? id)
    {
        if (!Exists(id))
        {
            return "";
        }

        var zone = new BusinessClock(id, clock);
        var now = clock.GetUtcNow();
        var local = zone.ToLocal(now);
        return $"It's {local.ToString("h:mm tt", s_culture)} there now ({zone.Abbreviation(now)}), {local.ToString("dddd d MMMM", s_culture)}.";
    }

    static string Offset(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "\u2212" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0 ? $"UTC{sign}{abs.Hours}" : $"UTC{sign}{abs.Hours}:{abs.Minutes:00}";
    }
}
