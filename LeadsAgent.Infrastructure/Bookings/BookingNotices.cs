using System.Text.Json;
using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Domain.Texts;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Calendar;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Summaries;
using LeadsAgent.Infrastructure.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Bookings;

/// <summary>Who changed a booking: the owner (dashboard or API), the caller (the agent, the manage link), or the caller by text (already answered in the reply).</summary>
public enum BookingActor
{
    Owner,
    Caller,
    CallerByText,
}

/// <summary>The words in a booking notice's payload: what happened and who the email is for.</summary>
public static class BookingNoticeKinds
{
    public const string Confirmed = "CONFIRMED";
    public const string Moved = "MOVED";
    public const string Cancelled = "CANCELLED";
    public const string Reminder = "REMINDER";

    public const string ToCaller = "CALLER";
    public const string ToOwner = "OWNER";
}

/// <summary>Settings of the booking notices.</summary>
public sealed class BookingNoticeOptions
{
    public const string Section = "Bookings";

    /// <summary>How long before a visit the caller's reminder goes (default a day).</summary>
    public int ReminderHoursBefore { get; set; } = 24;

    /// <summary>A booking made closer to its reminder time than this gets no reminder: its confirmation is fresh enough.</summary>
    public int ReminderMinimumLeadHours { get; set; } = 12;

    /// <summary>Requests one client address may make to the callers' booking pages in a burst (then one every 2 seconds).</summary>
    public int LinkRequestBurst { get; set; } = 30;
}

/// <summary>
/// The notices of a booking's life, written as outbox rows into the caller's DbContext so they are saved in the same
/// transaction as the booking change (nothing is lost if a mail server or Twilio is down, nothing is sent for a change
/// that was refused): the caller's email with an .ics (when the booking has an email), the caller's text (when it has a
/// phone, Twilio is set up and the plan has bookings; opt-outs and quiet hours are checked at send time), the owner's
/// email, the owner's text when a caller did it (the owner-texts switch), and the caller's reminders the day before,
/// which a move reschedules and a cancellation cancels; and the owner's CalDAV calendar write. Call one method per change,
/// before SaveChanges.
/// </summary>
public sealed class BookingNotices(IOptions<ServerOptions> server, IOptions<TwilioOptions> twilio, IOptions<FeatureOptions> features,
    IOptions<BookingNoticeOptions> options, TimeProvider clock)
{
    public const string ManagePath = "/b/";

    /// <summary>The caller's page to see, cancel or move the booking (no sign-in: the token is the key).</summary>
    public string ManageLink(Booking booking) => ManageLink(server.Value, booking.CancelToken);

    public static string ManageLink(ServerOptions server, string token) => SummaryLinks.Base(server) + ManagePath + Uri.EscapeDataString(token);

    /// <summary>The iCalendar UID of a booking: the same in every .ics about it, so calendar apps update one event.</summary>
    public static string Uid(Guid bookingId) => $"booking-{bookingId}@leadsagent";

    /// <summary>A new booking: confirmations to the caller and the owner, and the reminders.</summary>
    public Task EnqueueBookedAsync(LeadsDbContext db, Business business, Booking booking, string serviceName, BookingActor by, CancellationToken ct = default) =>
        EnqueueAsync(db, business, booking, serviceName, BookingNoticeKinds.Confirmed, by, null, ct);

    /// <summary>A booking moved to a new time (already on <paramref name="booking"/>): the old reminders give way to new ones.</summary>
    public Task EnqueueMovedAsync(LeadsDbContext db, Business business, Booking booking, string serviceName, DateTimeOffset previousStart, BookingActor by,
        CancellationToken ct = default) =>
        EnqueueAsync(db, business, booking, serviceName, BookingNoticeKinds.Moved, by, previousStart, ct);

    /// <summary>A cancelled booking: the caller's .ics CANCEL, the owner told, the reminders called off.</summary>
    public Task EnqueueCancelledAsync(LeadsDbContext db, Business business, Booking booking, string serviceName, BookingActor by, CancellationToken ct = default) =>
        EnqueueAsync(db, business, booking, serviceName, BookingNoticeKinds.Cancelled, by, null, ct);

    async Task EnqueueAsync(LeadsDbContext db, Business business, Booking booking, string serviceName, string what, BookingActor by,
        DateTimeOffset? previousStart, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var zone = TimeZones.FindOrUtc(business.TimeZone);
        // Every change of a booking, whoever makes it, is also written to the owner's own calendar when one is connected.
        await CalendarSync.EnqueueAsync(db, booking, ct);
        if (what != BookingNoticeKinds.Confirmed)
        {
            await CallOffRemindersAsync(db, booking.Id, what == BookingNoticeKinds.Moved ? "The visit was moved; a new reminder replaces this one." : "The visit was cancelled.", now, ct);
        }

        if (booking.CallerEmail is { Length: > 0 })
        {
            db.Notifications.Add(Email(booking, what, BookingNoticeKinds.ToCaller, by, previousStart, now, now));
        }

        db.Notifications.Add(Email(booking, what, BookingNoticeKinds.ToOwner, by, previousStart, now, now));

        var texts = await TextsAsync(db, business, ct);
        var callerPhone = PhoneNumbers.Normalize(booking.CallerPhone);
        var ownerPhone = PhoneNumbers.Normalize(business.NotificationPhoneNumber);
        var textCaller = texts is not null && callerPhone is not null && callerPhone != ownerPhone;
        if (textCaller && by != BookingActor.CallerByText)
        {
            db.Notifications.Add(Text(booking, callerPhone!, TextPurpose.CallerBooking, CallerText(business, booking, serviceName, what, by, zone), now, now));
        }

        if (texts is { OwnerTexts: true } && by != BookingActor.Owner && ownerPhone is not null && PlanRules.Allows(Plan(business), PlanFeature.OwnerTexts))
        {
            db.Notifications.Add(Text(booking, ownerPhone, TextPurpose.OwnerBooking, OwnerText(business, booking, serviceName, what, zone), now, now));
        }

        if (what != BookingNoticeKinds.Cancelled && ReminderDue(booking, now) is { } due)
        {
            if (booking.CallerEmail is { Length: > 0 })
            {
                db.Notifications.Add(Email(booking, BookingNoticeKinds.Reminder, BookingNoticeKinds.ToCaller, by, null, now, due));
            }

            if (textCaller)
            {
                db.Notifications.Add(Text(booking, callerPhone!, TextPurpose.BookingReminder,
                    CallerText(business, booking, serviceName, BookingNoticeKinds.Reminder, by, zone), now, due));
            }
        }
    }

    /// <summary>When the reminder goes: the configured hours before the visit, or null when the booking is too close to it.</summary>
    public DateTimeOffset? ReminderDue(Booking booking, DateTimeOffset now)
    {
        var o = options.Value;
        var due = booking.StartsAt.AddHours(-o.ReminderHoursBefore);
        return due - now >= TimeSpan.FromHours(o.ReminderMinimumLeadHours) ? due : null;
    }

    /// <summary>Null when texts cannot go (no Twilio, a plan without bookings); else the business's text settings.</summary>
    async Task<TextSettings?> TextsAsync(LeadsDbContext db, Business business, CancellationToken ct)
    {
        if (!twilio.Value.IsConfigured || !PlanRules.Allows(Plan(business), PlanFeature.Booking))
        {
            return null;
        }

        return await db.TextSettings.AsNoTracking().SingleOrDefaultAsync(s => s.BusinessId == business.Id, ct) ?? TextSettings.Default(business.Id);
    }

    PlanTier Plan(Business business) => features.Value.EnablePlanTiers ? business.PlanTier : PlanTier.PRO;

    /// <summary>Marks the booking's pending reminders cancelled, in the same save as the change.</summary>
    static async Task CallOffRemindersAsync(LeadsDbContext db, Guid bookingId, string why, DateTimeOffset now, CancellationToken ct)
    {
        var id = bookingId.ToString();
        var pending = await db.Notifications.FromSql($"""
            SELECT * FROM notifications
            WHERE status = 'PENDING' AND kind IN ('BOOKING_EMAIL', 'SMS') AND payload->>'booking' = {id}
              AND payload->>'purpose' IN ('REMINDER', 'BOOKING_REMINDER')
            """).ToListAsync(ct);
        foreach (var row in pending)
        {
            row.Status = NotificationStatus.CANCELLED;
            row.LastError = "Not sent: " + why;
            row.UpdatedAt = now;
        }
    }

    static Notification Email(Booking booking, string what, string recipient, BookingActor by, DateTimeOffset? previousStart, DateTimeOffset now,
        DateTimeOffset due)
    {
        var payload = new Dictionary<string, object?>
        {
            ["booking"] = booking.Id.ToString(),
            ["purpose"] = what,
            ["recipient"] = recipient,
            ["by"] = by.ToString(),
            ["sequence"] = booking.Sequence,
            ["startsAt"] = booking.StartsAt,
            ["endsAt"] = booking.EndsAt,
        };
        if (previousStart is { } previous)
        {
            payload["previousStartsAt"] = previous;
        }

        return Row(booking, NotificationKind.BOOKING_EMAIL, JsonSerializer.Serialize(payload), now, due);
    }

    static Notification Text(Booking booking, string to, string purpose, string body, DateTimeOffset now, DateTimeOffset due)
    {
        var payload = new Dictionary<string, object>
        {
            ["to"] = to,
            ["body"] = SmsText.Tidy(BookingEmailHandler.Tidy(body)),
            ["purpose"] = purpose,
            ["urgent"] = false,
            ["booking"] = booking.Id.ToString(),
            ["sequence"] = booking.Sequence,
        };
        return Row(booking, NotificationKind.SMS, JsonSerializer.Serialize(payload), now, due);
    }

    static Notification Row(Booking booking, NotificationKind kind, string payload, DateTimeOffset now, DateTimeOffset due) => new()
    {
        BusinessId = booking.BusinessId,
        LeadId = booking.LeadId,
        Kind = kind,
        Payload = payload,
        NextAttemptAt = due,
        CreatedAt = now,
        UpdatedAt = now,
    };

    string CallerText(Business business, Booking booking, string serviceName, string what, BookingActor by, TimeZoneInfo zone)
    {
        var when = BookingWords.Short(booking.StartsAt, zone);
        var link = ManageLink(booking);
        var phone = BusinessPhone(business) is { } p ? $" call {PhoneText(p)}" : " contact us";
        return what switch
        {
            BookingNoticeKinds.Confirmed =>
                $"{business.Name}: your {serviceName} is booked for {when}. To cancel or move it: {link} or reply CANCEL BOOKING.",
            BookingNoticeKinds.Moved => $"{business.Name}: your {serviceName} is moved to {when}. To cancel or move it: {link}",
            BookingNoticeKinds.Reminder =>
                $"Reminder from {business.Name}: your {serviceName} is on {when}. To cancel or move it: {link} or reply CANCEL BOOKING.",
            _ when by == BookingActor.Owner =>
                $"{business.Name}: sorry, your {serviceName} on {when} is cancelled. To book another time,{phone}.",
            _ => $"{business.Name}: your {serviceName} on {when} is cancelled, as you asked. To book another time,{phone}.",
        };
    }

    static string OwnerText(Business business, Booking booking, string serviceName, string what, TimeZoneInfo zone)
    {
        var when = BookingWords.Short(booking.StartsAt, zone);
        var phone = PhoneNumbers.Normalize(booking.CallerPhone) is { } p ? $" {PhoneText(p)}" : "";
        return what switch
        {
            BookingNoticeKinds.Confirmed => $"New booking for {business.Name}: {booking.CallerName}, {serviceName}, {when}.{phone}",
            BookingNoticeKinds.Moved => $"Booking moved for {business.Name}: {booking.CallerName}, {serviceName}, now {when}.{phone}",
            _ => $"Booking cancelled for {business.Name}: {booking.CallerName}, {serviceName}, {when}. The time is free again.{phone}",
        };
    }

    /// <summary>The number callers reach the business on: its Twilio number, else the owner's.</summary>
    public static string? BusinessPhone(Business business) =>
        PhoneNumbers.Normalize(business.TwilioPhoneNumber) ?? PhoneNumbers.Normalize(business.NotificationPhoneNumber);

    /// <summary>"(555) 201-3344" for North American numbers, the E.164 form otherwise.</summary>
    public static string PhoneText(string e164) =>
        e164.StartsWith("+1", StringComparison.Ordinal) && e164.Length == 12 ? $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}" : e164;

    /// <summary>
    /// Why a notice to the caller about one version of a booking should not go any more (null: it should): the booking is
    /// gone, or a later move or cancellation (a higher sequence) replaced it.
    /// </summary>
    public static async Task<string?> OutdatedAsync(LeadsDbContext db, Guid bookingId, int sequence, CancellationToken ct)
    {
        var current = await db.Bookings.AsNoTracking().Where(b => b.Id == bookingId).Select(b => (int?)b.Sequence).SingleOrDefaultAsync(ct);
        return current is null ? "the booking no longer exists"
            : current != sequence ? "the booking was moved or cancelled since"
            : null;
    }
}
