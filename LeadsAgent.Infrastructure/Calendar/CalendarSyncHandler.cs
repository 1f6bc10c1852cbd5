using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadsAgent.Infrastructure.Calendar;

/// <summary>
/// Sends a CALENDAR_SYNC outbox row: writes the booking's event into the owner's CalDAV calendar (PUT by its UID) while
/// it is booked, removes it (DELETE) once it is cancelled. The outcome is kept on the connection ("Last synced", or the
/// error in the owner's words) for the calendar settings page. Failures retry on the outbox's schedule.
/// </summary>
public sealed partial class CalendarSyncHandler(IServiceScopeFactory scopes, CalDavClient client, CalendarSecrets secrets, TimeProvider clock,
    ILogger<CalendarSyncHandler> logger) : IOutboxHandler
{
    public NotificationKind Kind => NotificationKind.CALENDAR_SYNC;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken ct)
    {
        var bookingId = JsonNode.Parse(item.Payload)?["bookingId"]?.GetValue<Guid>()
            ?? throw new OutboxRetryException("The outbox row names no booking.", retry: false);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(item.BusinessId);
        var connection = await db.CalendarConnections.SingleOrDefaultAsync(ct);
        if (connection is not { IsCalDavConnected: true })
        {
            // Disconnected since the booking changed: nothing to write to.
            return OutboxOutcome.Cancelled;
        }

        CalDavAccount account;
        try
        {
            account = secrets.Account(connection);
        }
        catch (CryptographicException)
        {
            connection.Failed("The saved calendar password can no longer be read; connect your calendar again.", clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            throw new OutboxRetryException("The CalDAV password cannot be decrypted.", retry: false);
        }

        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        try
        {
            if (booking is { IsBooked: true })
            {
                var service = await db.BookableServices.AsNoTracking().Where(s => s.Id == booking.ServiceId).Select(s => s.Name).SingleAsync(ct);
                await client.PutEventAsync(account, CalendarSync.EventFor(booking, service), clock.GetUtcNow(), expectedETag: null, ct);
            }
            else
            {
                await client.DeleteEventAsync(account, CalendarSync.Uid(bookingId), expectedETag: null, ct);
            }
        }
        catch (CalDavException ex)
        {
            LogFailed(logger, item.BusinessId, ex.Failure);
            connection.Failed(ex.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            // A refused address stays refused; a wrong password or an unreachable server may be fixed meanwhile.
            throw new OutboxRetryException(ex.Message, retry: ex.Failure != CalDavFailure.BadAddress);
        }

        connection.Synced(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return OutboxOutcome.Sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar sync for business {BusinessId} failed: {Failure}")]
    private static partial void LogFailed(ILogger logger, Guid businessId, CalDavFailure failure);
}
