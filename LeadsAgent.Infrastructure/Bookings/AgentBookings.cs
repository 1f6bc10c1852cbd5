using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Domain.Text;
using LeadsAgent.Infrastructure.Calendar;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Bookings;

/// <summary>
/// Booking by the agent in a conversation (issue 19): which service and free slots a conversation may be offered, and
/// the one place a visit the caller chose is saved. Plan BASIC and up, an active service, never in an emergency.
/// </summary>
public sealed partial class AgentBookings(IServiceScopeFactory scopes, BookingNotices notices, CalendarBusyTimes calendar, IOptions<FeatureOptions> features,
    ILogger<AgentBookings> logger)
{
    /// <summary>Enough free slots to cover the horizon's working days, so "Thursday" or "after 3" finds one.</summary>
    const int SlotsConsidered = 200;

    /// <summary>
    /// The service and free slots this conversation may be offered now, or null: not on the plan, no active service,
    /// an emergency, a simulated call, a booking already made or declined, or no free time. A database outage means
    /// no offer (the caller gets the usual call-back), never a failed turn.
    /// </summary>
    public async Task<BookingOffer?> OfferAsync(Business business, ConversationSession session, DateTimeOffset now, CancellationToken ct)
    {
        var plan = features.Value.EnablePlanTiers ? business.PlanTier : PlanTier.PRO;
        if (!PlanRules.Allows(plan, PlanFeature.Booking) || session.Simulated || session.EmergencyDetected || business.Hours is not { IsSet: true }
            || session.Booking is { Stage: not BookingStage.Offered } || session.Booking is null && session.LeadCaptured)
        {
            return null;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.DbForBusiness(business.Id);
            var services = await db.BookableServices.AsNoTracking().Where(s => s.Active).OrderBy(s => s.CreatedAt).ThenBy(s => s.Name).ToListAsync(ct);
            var service = session.Booking is { } state ? services.FirstOrDefault(s => s.Id == state.ServiceId) : Choose(services, session);
            if (service is null)
            {
                return null;
            }

            return await SlotsAsync(db, business, service, now, ct);
        }
        catch (Exception ex) when (DatabaseOutage.Is(ex))
        {
            LogNoOffer(logger, session.SessionId, ex.GetType().Name);
            return null;
        }
    }

    /// <summary>
    /// Books the start the caller chose for the conversation's lead. Returns the offer with <see cref="BookingOffer.Booked"/>
    /// set, or, when someone else holds the time (the check or the database's exclusion constraint), with
    /// <see cref="BookingOffer.Taken"/> set and the free slots as they are now. Safe to repeat for one conversation: a
    /// second call finds the booking the first made. The lead was stored before this; a failure here never touches it.
    /// </summary>
    public async Task<BookingOffer> BookAsync(Business business, ConversationSession session, TurnContext ctx, BookingOffer offer, DateTimeOffset start,
        CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.DbForBusiness(business.Id);
            var service = await db.BookableServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == offer.ServiceId && s.Active, ct);
            if (service is null)
            {
                return offer with { Slots = [], Taken = start };
            }

            var (name, phone, email) = Caller(session, ctx);
            var mine = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Status == BookingStatus.BOOKED && b.StartsAt == start.ToUniversalTime()
                && (session.LeadId != null ? b.LeadId == session.LeadId : b.LeadId == null && b.CallerPhone == phone && b.CallerName == name), ct);
            if (mine is not null)
            {
                return offer with { Booked = mine.StartsAt, BookingId = mine.Id };
            }

            var query = await BookingCalendar.QueryAsync(db, business, ctx.Now, calendar, ct);
            try
            {
                BookingCalendar.EnsureBookable(query, service, start, ignore: null);
                var booking = Domain.Booking.Booking.Create(business.Id, service, start, name, phone, email, session.LeadId, ctx.Now);
                db.Bookings.Add(booking);
                // The caller's confirmation (email/text), the owner's notice and the calendar write, saved with the booking.
                await notices.EnqueueBookedAsync(db, business, booking, service.Name, BookingActor.Caller, ct);
                await BookingCalendar.SaveAsync(db, ct);
                LogBooked(logger, session.SessionId, booking.Id);
                return offer with { Booked = booking.StartsAt, BookingId = booking.Id };
            }
            catch (DomainException)
            {
                // Taken by another caller (ConflictException), or no longer inside the rules (the notice passed meanwhile).
                db.ChangeTracker.Clear();
                var fresh = await SlotsAsync(db, business, service, ctx.Now, ct);
                return fresh with { Taken = start };
            }
        }
        catch (Exception ex) when (DatabaseOutage.Is(ex))
        {
            LogNotBooked(logger, session.SessionId, ex.GetType().Name);
            return offer with { Slots = [], Taken = start };
        }
    }

    async Task<BookingOffer> SlotsAsync(LeadsDbContext db, Business business, BookableService service, DateTimeOffset now, CancellationToken ct)
    {
        var query = await BookingCalendar.QueryAsync(db, business, now, calendar, ct);
        return new BookingOffer(service.Id, service.Name, query.Zone, SlotFinder.Find(query, service, SlotsConsidered));
    }

    /// <summary>The caller's name, number and email as the lead has them (the name a visit needs falls back to the number).</summary>
    static (string Name, string? Phone, string? Email) Caller(ConversationSession session, TurnContext ctx)
    {
        var phone = ConversationEngine.CapturedField(session, ctx.Questions, LeadFields.ContactPhone)
            ?? (session.Channel is Channel.VOICE or Channel.SMS ? PhoneNumbers.Normalize(ctx.CallerNumber) : null);
        var email = ConversationEngine.CapturedField(session, ctx.Questions, LeadFields.ContactEmail);
        var name = ConversationEngine.CapturedField(session, ctx.Questions, LeadFields.ContactName) ?? session.CallerName;
        return (Cut(name, Domain.Booking.Booking.MaxName) ?? phone ?? "Caller", PhoneNumbers.Normalize(phone) ?? null, Cut(email, Domain.Booking.Booking.MaxEmail));
    }

    static string? Cut(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Length <= max ? s.Trim() : s.Trim()[..max];

    /// <summary>
    /// The service the caller's words point to ("a quote" → "Free estimate"), else the business's first: the words of
    /// each service's name, and a quote or estimate in any of the agent's languages, are looked for in what they said.
    /// </summary>
    static BookableService? Choose(IReadOnlyList<BookableService> services, ConversationSession session)
    {
        if (services.Count <= 1)
        {
            return services.FirstOrDefault();
        }

        var said = " " + TextNormalizer.Normalize(string.Join(" ", session.History.Where(m => m.Role == "user").Select(m => m.Content))) + " ";
        var wantsQuote = QuoteWords.Any(w => said.Contains(" " + w, StringComparison.Ordinal));
        int Score(BookableService s)
        {
            var words = TextNormalizer.Normalize(s.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4).ToList();
            var score = words.Count(w => said.Contains(" " + w, StringComparison.Ordinal));
            return score + (wantsQuote && QuoteWords.Any(q => words.Any(w => w.StartsWith(q, StringComparison.Ordinal))) ? 2 : 0);
        }

        var best = services.Select((s, i) => (Service: s, Score: Score(s), Index: i)).OrderByDescending(x => x.Score).ThenBy(x => x.Index).First();
        return best.Service;
    }

    static readonly string[] QuoteWords = ["quote", "estimate", "presupuesto", "cotizacion", "devis", "kostenvoranschlag", "angebot", "preventivo", "orcamento"];

    [LoggerMessage(Level = LogLevel.Warning, Message = "No booking offered in {SessionId}: the database is unavailable ({Reason})")]
    private static partial void LogNoOffer(ILogger logger, string sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Booking of {SessionId} not made: the database is unavailable ({Reason})")]
    private static partial void LogNotBooked(ILogger logger, string sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {SessionId} booked visit {BookingId}")]
    private static partial void LogBooked(ILogger logger, string sessionId, Guid bookingId);
}
