using System.Text.Json;
using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Infrastructure.Calendar;

/// <summary>How a booking becomes an event in the owner's calendar, and the outbox row that writes it there.</summary>
public static class CalendarSync
{
    const string UidPrefix = "booking-";
    const string UidDomain = "@leadsagent";

    /// <summary>The event's UID: stable for the booking's whole life, so a move replaces the event and a cancel removes it.</summary>
    public static string Uid(Guid bookingId) => $"{UidPrefix}{bookingId:N}{UidDomain}";

    /// <summary>Whether an event in the owner's calendar is one we wrote (its time is already one of our bookings).</summary>
    public static bool IsOurs(string? uid) =>
        uid is not null && uid.StartsWith(UidPrefix, StringComparison.Ordinal) && uid.EndsWith(UidDomain, StringComparison.Ordinal);

    /// <summary>
    /// The booking as an event. The calendar is the owner's own (CalDAV or the private feed), so the caller's name and
    /// contact details are in it, as they are on the dashboard. SEQUENCE is the seconds from booking to the last
    /// change, so it grows with every move or cancel and calendar apps replace their copy (RFC 5546 2.1.4).
    /// </summary>
    public static CalendarEventData EventFor(Booking booking, string serviceName)
    {
        var lines = new List<string> { $"Booked for {booking.CallerName}" };
        if (booking.CallerPhone is { Length: > 0 } phone)
        {
            lines.Add($"Phone: {phone}");
        }

        if (booking.CallerEmail is { Length: > 0 } email)
        {
            lines.Add($"Email: {email}");
        }

        lines.Add("Booked through LeadsAgent.");
        var sequence = (int)Math.Clamp((booking.UpdatedAt - booking.CreatedAt).TotalSeconds, 0, int.MaxValue);
        return new CalendarEventData(Uid(booking.Id), booking.StartsAt, booking.EndsAt, $"{serviceName}: {booking.CallerName}", string.Join("\n", lines),
            Status: booking.IsBooked ? CalendarEventStatus.Confirmed : CalendarEventStatus.Cancelled, Sequence: sequence);
    }

    /// <summary>
    /// Adds a CALENDAR_SYNC outbox row for the booking to <paramref name="db"/> when the business has a CalDAV calendar,
    /// so it is saved in the same transaction as the booking's change. The handler reads the booking when it runs and
    /// writes what it is then (booked: the event; cancelled: no event), so rows of quick successive changes agree.
    /// </summary>
    public static async Task EnqueueAsync(LeadsDbContext db, Booking booking, CancellationToken ct)
    {
        if (!await db.CalendarConnections.AnyAsync(c => c.BusinessId == booking.BusinessId && c.CalDavUrl != null, ct))
        {
            return;
        }

        db.Notifications.Add(new Notification
        {
            BusinessId = booking.BusinessId,
            Kind = NotificationKind.CALENDAR_SYNC,
            Payload = JsonSerializer.Serialize(new { bookingId = booking.Id }),
            NextAttemptAt = booking.UpdatedAt,
            CreatedAt = booking.UpdatedAt,
            UpdatedAt = booking.UpdatedAt,
        });
    }
}

/// <summary>Keeps CalDAV passwords encrypted at rest with the app's Data Protection key ring (stored in PostgreSQL).</summary>
public sealed class CalendarSecrets(IDataProtectionProvider provider)
{
    readonly IDataProtector _protector = provider.CreateProtector("LeadsAgent.Calendar.CalDavPassword.v1");

    public string Protect(string password) => _protector.Protect(password);

    public string Unprotect(string stored) => _protector.Unprotect(stored);

    /// <summary>The account of a connected calendar, its password decrypted.</summary>
    public CalDavAccount Account(CalendarConnection connection) =>
        new(connection.CalDavUrl!, connection.CalDavUserName!, Unprotect(connection.CalDavPasswordProtected!));
}
