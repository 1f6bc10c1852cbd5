using System.Text.RegularExpressions;
using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Infrastructure.Bookings;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Sms;

/// <summary>
/// A caller's texts about their own booking, answered before the conversation engine: "cancel booking" (or "cancel my
/// appointment") asks "Reply YES to cancel ..." and a YES within <see cref="ConfirmWindow"/> cancels; "reschedule" (or
/// "move my booking") answers with the manage link. Only the booking's own phone number reaches its bookings. A bare
/// "CANCEL" never gets here: it is a carrier opt-out keyword (STOP), handled before.
/// </summary>
public sealed partial class BookingTextCommands(IServiceScopeFactory scopes, BookingNotices notices, TimeProvider clock)
{
    public static readonly TimeSpan ConfirmWindow = TimeSpan.FromMinutes(30);

    [GeneratedRegex(@"^\W*(please\s+)?(i\s+(want|need|would\s+like)\s+to\s+)?cancel\s+(my\s+|the\s+|our\s+|this\s+)?(booking|appointment|appt|visit|reservation)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CancelRequest();

    [GeneratedRegex(@"^\W*(please\s+)?(i\s+(want|need|would\s+like)\s+to\s+)?(reschedule|rebook|(move|change)\s+(my\s+|the\s+|our\s+|this\s+)?(booking|appointment|appt|visit|reservation))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoveRequest();

    /// <summary>The replies when the text is about a booking; null when it is not (the agent answers it as usual).</summary>
    public async Task<IReadOnlyList<string>?> TryAnswerAsync(Business business, string from, string body, CancellationToken ct)
    {
        var replies = await AnswerAsync(business, from, body, ct);
        return replies?.Select(BookingEmailHandler.Tidy).ToList();
    }

    async Task<IReadOnlyList<string>?> AnswerAsync(Business business, string from, string body, CancellationToken ct)
    {
        var cancel = CancelRequest().IsMatch(body);
        var move = !cancel && MoveRequest().IsMatch(body);
        var word = body.Trim().TrimEnd('.', '!').Trim().ToUpperInvariant();
        var yes = word is "YES" or "Y" or "YES PLEASE" or "YES CANCEL" or "YES CANCEL IT";
        var no = word is "NO" or "N" or "NO THANKS" or "KEEP IT";
        if (!cancel && !move && !yes && !no)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(business.Id);
        var now = clock.GetUtcNow();
        var upcoming = await db.Bookings.Where(b => b.CallerPhone == from && b.Status == BookingStatus.BOOKED && b.StartsAt > now)
            .OrderBy(b => b.StartsAt).ToListAsync(ct);
        var zone = BusinessHours.Zone(business.TimeZone);
        var call = BookingNotices.BusinessPhone(business) is { } phone ? $"call {business.Name} at {BookingNotices.PhoneText(phone)}" : $"contact {business.Name}";

        if (yes || no)
        {
            // Only an answer to our question: any other "yes" is the caller talking to the agent.
            var asked = upcoming.Where(b => b.CancelConfirmable(now, ConfirmWindow)).MaxBy(b => b.CancelAskedAt);
            if (asked is null)
            {
                return null;
            }

            var serviceName = await ServiceNameAsync(db, asked, ct);
            var when = BookingWords.Short(asked.StartsAt, zone);
            if (no)
            {
                asked.ForgetCancelQuestion();
                await db.SaveChangesAsync(ct);
                return [$"OK, your {serviceName} on {when} stays booked."];
            }

            asked.Cancel(now);
            await notices.EnqueueCancelledAsync(db, business, asked, serviceName, BookingActor.CallerByText, ct);
            await db.SaveChangesAsync(ct);
            return [$"Your {serviceName} on {when} is cancelled, and {business.Name} has been told. To book another time, {call}."];
        }

        var next = upcoming.FirstOrDefault();
        if (next is null)
        {
            return [$"We couldn't find an upcoming visit booked from this number. If you booked with another number, use the link in your confirmation, or {call}."];
        }

        var name = await ServiceNameAsync(db, next, ct);
        var at = BookingWords.Short(next.StartsAt, zone);
        if (cancel)
        {
            next.AskToCancel(now);
            await db.SaveChangesAsync(ct);
            return [$"Reply YES to cancel your {name} on {at} with {business.Name}. Reply NO to keep it."];
        }

        return [$"To move your {name} on {at}, choose a new time here: {notices.ManageLink(next)}"];
    }

    static Task<string> ServiceNameAsync(Infrastructure.Persistence.LeadsDbContext db, Booking booking, CancellationToken ct) =>
        db.BookableServices.AsNoTracking().Where(s => s.Id == booking.ServiceId).Select(s => s.Name).SingleAsync(ct);
}
