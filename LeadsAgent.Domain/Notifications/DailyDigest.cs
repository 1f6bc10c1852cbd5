using System.Globalization;
using System.Text;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Domain.Notifications;

/// <summary>One lead in the morning digest.</summary>
public sealed record DigestLead(Guid Id, LeadPriority Priority, string? Name, string? Phone, Channel Channel, string? What, DateTimeOffset CreatedAt);

/// <summary>The digest email's content.</summary>
public sealed record DigestText(string Subject, string Text, IReadOnlyList<(LeadPriority Priority, IReadOnlyList<DigestLead> Leads)> Groups);

/// <summary>
/// The morning digest: when it is due (7 a.m. in the business's zone, for the local day before) and what it says
/// (yesterday's leads by priority, URGENT first, with counts and links).
/// </summary>
public static class DailyDigest
{
    public static readonly TimeOnly SendAt = new(7, 0);

    /// <summary>
    /// The business day a digest is due for at <paramref name="now"/>: yesterday (local) once it is 7 a.m. or later
    /// locally, else null (not yet). Whether it was already sent is the caller's record.
    /// </summary>
    public static DateOnly? DueFor(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return TimeOnly.FromDateTime(local.DateTime) < SendAt ? null : DateOnly.FromDateTime(local.DateTime).AddDays(-1);
    }

    /// <summary>The UTC instants bounding a local day [start, end).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Bounds(DateOnly day, TimeZoneInfo zone)
    {
        static DateTimeOffset At(DateOnly d, TimeZoneInfo z)
        {
            var local = d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            // A day starting in a DST gap starts at the first valid local time.
            while (z.IsInvalidTime(local))
            {
                local = local.AddMinutes(30);
            }

            return new DateTimeOffset(local, z.GetUtcOffset(local)).ToUniversalTime();
        }

        return (At(day, zone), At(day.AddDays(1), zone));
    }

    public static DigestText Compose(string businessName, DateOnly day, IReadOnlyList<DigestLead> leads, string baseUrl, TimeZoneInfo zone)
    {
        var dayWords = day.ToString("dddd, MMMM d", CultureInfo.InvariantCulture);
        var groups = leads.GroupBy(l => l.Priority).OrderByDescending(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<DigestLead>)[.. g.OrderBy(l => l.CreatedAt)])).ToList();
        var counts = string.Join(", ", groups.Select(g => $"{g.Item2.Count} {g.Key}"));
        var subject = leads.Count == 0
            ? $"No new leads yesterday for {businessName}"
            : $"{(groups[0].Key == LeadPriority.URGENT ? "[URGENT] " : "")}{leads.Count} new lead{(leads.Count == 1 ? "" : "s")} yesterday for {businessName}";
        var text = new StringBuilder().AppendLine($"Your leads for {dayWords}.").AppendLine();
        if (leads.Count == 0)
        {
            text.AppendLine("No new leads came in yesterday.");
        }
        else
        {
            text.AppendLine($"{leads.Count} in all: {counts}.");
            foreach (var (priority, items) in groups)
            {
                text.AppendLine().AppendLine($"{priority} ({items.Count})");
                foreach (var l in items)
                {
                    var time = TimeZoneInfo.ConvertTime(l.CreatedAt, zone).ToString("h:mm tt", CultureInfo.InvariantCulture);
                    var who = l.Name ?? l.Phone ?? (l.Channel == Channel.VOICE ? "Unknown caller" : "Website visitor");
                    var what = l.What is { Length: > 0 } w ? $" \"{(w.Length > 120 ? w[..119] + "…" : w)}\"" : "";
                    text.AppendLine($"- {time} {who}{(l.Phone is not null && l.Name is not null ? ", " + l.Phone : "")} ({(l.Channel == Channel.VOICE ? "call" : "chat")}){Flatten(what)}");
                    text.AppendLine($"  {baseUrl}/leads/{l.Id}");
                }
            }
        }

        text.AppendLine().AppendLine($"All leads: {baseUrl}/leads");
        return new DigestText(subject, text.ToString(), groups);
    }

    static string Flatten(string s) => string.Join(' ', s.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
