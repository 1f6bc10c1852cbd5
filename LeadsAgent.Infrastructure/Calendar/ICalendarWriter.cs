using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace LeadsAgent.Infrastructure.Calendar;

/// <summary>
/// Writes iCalendar (RFC 5545) text with Ical.Net: a VCALENDAR (PRODID, VERSION, METHOD for e-mail attachments) holding
/// one VEVENT whose times are UTC. Ical.Net escapes text values (<c>\ ; ,</c> and newlines), ends lines with CRLF and
/// folds them at 75 octets; <see cref="Fold"/> then refolds every line so a character that takes several UTF-8 octets
/// (an emoji, a surrogate pair) is never cut in two, which Ical.Net 5.2's folding does not guarantee.
/// </summary>
public static class ICalendarWriter
{
    public const string ProductId = "-//LeadsAgent//Booking 1.0//EN";

    /// <summary>For .ics attachments (RFC 5546): REQUEST for a new or moved booking, CANCEL for a cancelled one.</summary>
    public const string MethodRequest = "REQUEST";
    public const string MethodCancel = "CANCEL";
    public const string MethodPublish = "PUBLISH";

    /// <summary>A calendar with one event. <paramref name="method"/> is left out for CalDAV resources (RFC 4791 4.1 forbids it).</summary>
    public static string Write(CalendarEventData e, DateTimeOffset stamp, string? method = null) => Write([e], stamp, method);

    /// <summary>
    /// A calendar with several events (a feed). <paramref name="calendarName"/> and <paramref name="timeZone"/> become
    /// X-WR-CALNAME and X-WR-TIMEZONE, which Google, Apple and Outlook use to name a subscribed calendar.
    /// </summary>
    public static string Write(IEnumerable<CalendarEventData> events, DateTimeOffset stamp, string? method = null, string? calendarName = null, string? timeZone = null)
    {
        var calendar = new IcalCalendar { ProductId = ProductId, Version = "2.0" };
        if (method is not null)
        {
            calendar.Method = method;
        }

        if (!string.IsNullOrWhiteSpace(calendarName))
        {
            calendar.Properties.Add(new Ical.Net.CalendarProperty("X-WR-CALNAME", calendarName));
        }

        if (!string.IsNullOrWhiteSpace(timeZone))
        {
            calendar.Properties.Add(new Ical.Net.CalendarProperty("X-WR-TIMEZONE", timeZone));
        }

        foreach (var e in events)
        {
            if (string.IsNullOrWhiteSpace(e.Uid))
            {
                throw new ArgumentException("An event needs a UID.", nameof(events));
            }

            if (e.End <= e.Start)
            {
                throw new ArgumentException($"The event {e.Uid} ends before it starts.", nameof(events));
            }

            var vevent = new IcalEvent
            {
                Uid = e.Uid,
                DtStamp = Utc(stamp),
                DtStart = Utc(e.Start),
                DtEnd = Utc(e.End),
                Summary = e.Summary,
                Description = string.IsNullOrEmpty(e.Description) ? null : e.Description,
                Location = string.IsNullOrEmpty(e.Location) ? null : e.Location,
                Status = e.Status switch
                {
                    CalendarEventStatus.Tentative => "TENTATIVE",
                    CalendarEventStatus.Cancelled => "CANCELLED",
                    _ => "CONFIRMED",
                },
                Sequence = e.Sequence,
                // A booking blocks the owner's time in free/busy lookups (and in our own busy reading).
                Transparency = "OPAQUE",
            };
            if (e.Organizer is { } organizer)
            {
                vevent.Organizer = new Organizer("mailto:" + organizer.Email) { CommonName = organizer.Name };
            }

            if (e.Attendee is { } attendee)
            {
                vevent.Attendees.Add(new Attendee("mailto:" + attendee.Email)
                {
                    CommonName = attendee.Name,
                    Role = "REQ-PARTICIPANT",
                    ParticipationStatus = "ACCEPTED",
                    Rsvp = false,
                });
            }

            calendar.Events.Add(vevent);
        }

        return Fold(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }

    static CalDateTime Utc(DateTimeOffset t) =>
        // Whole seconds: iCalendar has no fractions, and a moved event must compare equal to what the server stores.
        new(new DateTime(t.UtcDateTime.Ticks - t.UtcDateTime.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc), CalDateTime.UtcTzId);

    /// <summary>Unfolds <paramref name="text"/> and folds every content line again at 75 octets (RFC 5545 3.1), CRLF line ends.</summary>
    public static string Fold(string text)
    {
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var sb = new System.Text.StringBuilder(unfolded.Length + 64);
        foreach (var line in unfolded.Split("\r\n"))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var octets = 0;
            var i = 0;
            while (i < line.Length)
            {
                // One Unicode scalar: a surrogate pair is one character of four octets.
                var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
                var bytes = System.Text.Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
                if (octets + bytes > 75)
                {
                    sb.Append("\r\n ");
                    octets = 1;
                }

                sb.Append(line, i, width);
                octets += bytes;
                i += width;
            }

            sb.Append("\r\n");
        }

        return sb.ToString();
    }
}
