using System.Text;
using Ical.Net.CalendarComponents;
using LeadsAgent.Domain.Booking;
using LeadsAgent.Infrastructure.Bookings;
using IcalCalendar = Ical.Net.Calendar;

namespace LeadsAgent.Tests.Unit.Booking;

/// <summary>The caller's and the owner's booking emails: plain words in the business's zone, and an .ics that is valid RFC 5545 (REQUEST, then CANCEL with the same UID and a higher SEQUENCE).</summary>
public class BookingEmailTests
{
    static readonly DateTimeOffset s_now = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
    static readonly TimeZoneInfo s_chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    static readonly Guid s_id = Guid.Parse("0193a000-0000-7000-8000-000000000042");

    // Thursday 3 December 2026, 1:00 p.m. in Chicago (19:00 UTC), for an hour.
    static BookingEmailFacts Facts(string what, int sequence = 0, BookingActor by = BookingActor.Owner, string recipient = BookingNoticeKinds.ToCaller) => new()
    {
        What = what,
        Recipient = recipient,
        By = by,
        BookingId = s_id,
        Sequence = sequence,
        StartsAt = new DateTimeOffset(2026, 12, 3, 19, 0, 0, TimeSpan.Zero),
        EndsAt = new DateTimeOffset(2026, 12, 3, 20, 0, 0, TimeSpan.Zero),
        Zone = s_chicago,
        BusinessName = "Acme Plumbing",
        BusinessPhone = "+15550001111",
        OrganizerEmail = "office@acme.example",
        ServiceName = "Repair visit",
        CallerName = "Maria Lopez",
        CallerPhone = "+15552013344",
        CallerEmail = "maria@example.com",
        Location = "42 Elm Street, Springfield",
        ManageLink = "https://app.example.test/b/abc",
        DashboardLink = "https://app.example.test/bookings",
    };

    static string Ics(BookingEmailFacts f)
    {
        var file = Assert.Single(BookingEmailHandler.Compose("maria@example.com", f, s_now).Attachments!);
        return Encoding.UTF8.GetString(file.Content);
    }

    static string[] Lines(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Words_TimeInTheBusinessZone_ReadsLikeASentence()
    {
        var at = new DateTimeOffset(2026, 12, 3, 19, 0, 0, TimeSpan.Zero);
        Assert.Equal("Thursday 3 December at 1:00 p.m.", BookingWords.Long(at, s_chicago));
        Assert.Equal("Thu 3 Dec at 9:00 a.m.", BookingWords.Short(at.AddHours(-4), s_chicago));
    }

    [Fact]
    public void Confirmation_ToTheCaller_SaysWhatWhenAndHowToChangeIt()
    {
        var mail = BookingEmailHandler.Compose("maria@example.com", Facts(BookingNoticeKinds.Confirmed), s_now);
        Assert.Equal("Booked: Repair visit with Acme Plumbing, Thursday 3 December at 1:00 p.m.", mail.Subject);
        Assert.Contains("Your Repair visit with Acme Plumbing is booked for Thursday 3 December at 1:00 p.m. (until 2:00 p.m.).", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Where: 42 Elm Street, Springfield", mail.Text, StringComparison.Ordinal);
        Assert.Contains("https://app.example.test/b/abc", mail.Text, StringComparison.Ordinal);
        Assert.Contains("call Acme Plumbing at (555) 000-1111", mail.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://app.example.test/b/abc\"", mail.Html, StringComparison.Ordinal);
        var file = Assert.Single(mail.Attachments!);
        Assert.Equal("invite.ics", file.FileName);
        Assert.Equal("text/calendar; method=REQUEST; charset=utf-8", file.ContentType);
    }

    [Fact]
    public void Ics_OfAConfirmation_ParsesWithIcalNetAndHasTheRfc5545Fields()
    {
        var ics = Ics(Facts(BookingNoticeKinds.Confirmed));
        var lines = Lines(ics);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("PRODID:-//LeadsAgent//Booking 1.0//EN", lines);
        Assert.Contains("METHOD:REQUEST", lines);
        Assert.Contains($"UID:booking-{s_id}@leadsagent", lines);
        Assert.Contains("DTSTAMP:20261201T150000Z", lines);
        Assert.Contains("DTSTART:20261203T190000Z", lines);
        Assert.Contains("DTEND:20261203T200000Z", lines);
        Assert.Contains("SUMMARY:Repair visit with Acme Plumbing", lines);
        Assert.Contains("LOCATION:42 Elm Street\\, Springfield", lines);
        Assert.Contains("SEQUENCE:0", lines);
        Assert.Contains("STATUS:CONFIRMED", lines);
        Assert.Contains(lines, l => l.StartsWith("ORGANIZER;CN=Acme Plumbing:mailto:office@acme.example", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ATTENDEE", StringComparison.Ordinal) && l.EndsWith("mailto:maria@example.com", StringComparison.Ordinal));

        var calendar = IcalCalendar.Load(ics)!;
        Assert.Equal("REQUEST", calendar.Method);
        var e = Assert.Single(calendar.Events);
        Assert.Equal($"booking-{s_id}@leadsagent", e.Uid);
        Assert.Equal(new DateTime(2026, 12, 3, 19, 0, 0, DateTimeKind.Utc), e.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 12, 3, 20, 0, 0, DateTimeKind.Utc), e.DtEnd!.AsUtc);
        Assert.Equal("Repair visit with Acme Plumbing", e.Summary);
        Assert.Equal("42 Elm Street, Springfield", e.Location);
        Assert.Contains("https://app.example.test/b/abc", e.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Ics_OfACancellation_IsMethodCancelWithTheSameUidAndAHigherSequence()
    {
        var booked = IcalCalendar.Load(Ics(Facts(BookingNoticeKinds.Confirmed)))!.Events.Single();
        var moved = IcalCalendar.Load(Ics(Facts(BookingNoticeKinds.Moved, sequence: 1)))!;
        var cancelledText = Ics(Facts(BookingNoticeKinds.Cancelled, sequence: 2));
        var cancelled = IcalCalendar.Load(cancelledText)!;

        Assert.Equal("REQUEST", moved.Method);
        Assert.Equal("CANCEL", cancelled.Method);
        Assert.Contains("METHOD:CANCEL", Lines(cancelledText));
        Assert.Contains("STATUS:CANCELLED", Lines(cancelledText));
        CalendarEvent gone = cancelled.Events.Single();
        Assert.Equal(booked.Uid, gone.Uid);
        Assert.Equal(booked.Uid, moved.Events.Single().Uid);
        Assert.True(gone.Sequence > moved.Events.Single().Sequence && moved.Events.Single().Sequence > booked.Sequence);
        var file = Assert.Single(BookingEmailHandler.Compose("maria@example.com", Facts(BookingNoticeKinds.Cancelled, 2), s_now).Attachments!);
        Assert.Equal("text/calendar; method=CANCEL; charset=utf-8", file.ContentType);
    }

    [Fact]
    public void Cancellation_ByTheOwner_ApologisesAndSaysHowToRebook_AndAReminderHasNoIcs()
    {
        var cancelled = BookingEmailHandler.Compose("maria@example.com", Facts(BookingNoticeKinds.Cancelled, 1), s_now);
        Assert.Equal("Cancelled: Repair visit with Acme Plumbing, Thursday 3 December at 1:00 p.m.", cancelled.Subject);
        Assert.Contains("is cancelled. Sorry for the change: to book another time, call Acme Plumbing at (555) 000-1111.", cancelled.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/b/abc", cancelled.Text, StringComparison.Ordinal);

        var reminder = BookingEmailHandler.Compose("maria@example.com", Facts(BookingNoticeKinds.Reminder), s_now);
        Assert.Equal("Reminder: Repair visit with Acme Plumbing, Thursday 3 December at 1:00 p.m.", reminder.Subject);
        Assert.Null(reminder.Attachments);
    }

    [Fact]
    public void OwnerNotice_SaysWhoDidWhat()
    {
        var booked = BookingEmailHandler.Compose("office@acme.example", Facts(BookingNoticeKinds.Confirmed, by: BookingActor.Caller, recipient: BookingNoticeKinds.ToOwner), s_now);
        Assert.Equal("New booking: Maria Lopez, Repair visit, Thursday 3 December at 1:00 p.m.", booked.Subject);
        Assert.Contains("Maria Lopez booked a Repair visit for Thursday 3 December at 1:00 p.m.", booked.Text, StringComparison.Ordinal);
        Assert.Contains("Phone: (555) 201-3344", booked.Text, StringComparison.Ordinal);
        Assert.Null(booked.Attachments);

        var cancelled = BookingEmailHandler.Compose("office@acme.example", Facts(BookingNoticeKinds.Cancelled, 1, BookingActor.Caller, BookingNoticeKinds.ToOwner), s_now);
        Assert.Equal("Booking cancelled: Maria Lopez, Repair visit, Thursday 3 December at 1:00 p.m.", cancelled.Subject);
        Assert.Contains("Maria Lopez cancelled their Repair visit on Thursday 3 December at 1:00 p.m. The time is free again.", cancelled.Text, StringComparison.Ordinal);
    }
}
