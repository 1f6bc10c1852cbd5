using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Bookings;
using LeadsAgent.Infrastructure.Calendar;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Bookings;

/// <summary>A booking as its caller sees it on the manage page: in the business's zone and in plain words.</summary>
public sealed record CallerBookingView(
    string ServiceName,
    string BusinessName,
    string? BusinessPhone,
    DateTimeOffset StartsAt,
    string When,
    string Until,
    bool Cancelled,
    bool Passed)
{
    /// <summary>Whether the caller can still cancel or move it: booked and not started.</summary>
    public bool Changeable => !Cancelled && !Passed;
}

/// <summary>A free time the caller may move to: its start and how it reads.</summary>
public sealed record CallerSlot(DateTimeOffset StartsAt, string Words);

/// <summary>
/// What a caller can do with their booking through the link in their confirmation (<c>/b/{token}</c>), without
/// signing in: the token (192 random bits, unique) is the key. See it, cancel it, or move it to one of the next free
/// slots (the same slot query the owner's API uses). Each change tells the owner and the caller, in the same save.
/// </summary>
public sealed class CallerBookings(IServiceScopeFactory scopes, BookingNotices notices, CalendarBusyTimes calendar, TimeProvider clock)
{
    /// <summary>How many free times the move step offers.</summary>
    public const int SlotChoices = 8;
    /// <summary>How many free times are read to choose them from (a few days' worth).</summary>
    const int SlotsLookedAt = 120;
    public const string NotChangeable = "This visit can no longer be changed here. Please call us.";

    public async Task<CallerBookingView?> FindAsync(string? token, CancellationToken ct = default)
    {
        await using var work = await OpenAsync(token, ct);
        return work is null ? null : View(work);
    }

    /// <summary>The next free times for the booking's service (its own time excepted), in the business's zone.</summary>
    public async Task<IReadOnlyList<CallerSlot>> SlotsAsync(string? token, CancellationToken ct = default)
    {
        await using var work = await OpenAsync(token, ct);
        if (work is null || !View(work).Changeable || !work.Service.Active)
        {
            return [];
        }

        var query = await BookingCalendar.QueryAsync(work.Db, work.Business, clock.GetUtcNow(), calendar, ct);
        // A morning, midday and afternoon time on each of the next days, not the next eight half hours of one morning.
        var free = SlotFinder.Find(query, work.Service, SlotsLookedAt);
        return [.. SlotFinder.Spread(free, work.Zone, SlotChoices).Select(s => new CallerSlot(s.StartsAt, BookingWords.Long(s.StartsAt, work.Zone)))];
    }

    /// <summary>Cancels; a cancelled or past booking is a <see cref="ConflictException"/> with words for the caller.</summary>
    public async Task<CallerBookingView> CancelAsync(string? token, CancellationToken ct = default)
    {
        await using var work = await OpenAsync(token, ct) ?? throw new NotFoundException("Booking");
        if (!View(work).Changeable)
        {
            throw new ConflictException(work.Booking.IsBooked ? NotChangeable : "This visit is already cancelled.");
        }

        work.Booking.Cancel(clock.GetUtcNow());
        await notices.EnqueueCancelledAsync(work.Db, work.Business, work.Booking, work.Service.Name, BookingActor.Caller, ct);
        await work.Db.SaveChangesAsync(ct);
        return View(work);
    }

    /// <summary>Moves to <paramref name="start"/>; a time taken meanwhile is a <see cref="ConflictException"/> saying so.</summary>
    public async Task<CallerBookingView> MoveAsync(string? token, DateTimeOffset start, CancellationToken ct = default)
    {
        await using var work = await OpenAsync(token, ct) ?? throw new NotFoundException("Booking");
        if (!View(work).Changeable)
        {
            throw new ConflictException(work.Booking.IsBooked ? NotChangeable : "This visit was cancelled; it can't be moved.");
        }

        var now = clock.GetUtcNow();
        var query = await BookingCalendar.QueryAsync(work.Db, work.Business, now, calendar, ct);
        if (SlotFinder.Problem(query, work.Service, start, work.Booking.Id) is { } problem)
        {
            throw new ConflictException(problem.Kind == SlotProblem.Taken ? Booking.TakenMessage : "That time can't be booked any more. Please choose another time.");
        }

        var before = work.Booking.StartsAt;
        work.Booking.Move(work.Service, start, now);
        await notices.EnqueueMovedAsync(work.Db, work.Business, work.Booking, work.Service.Name, before, BookingActor.Caller, ct);
        await BookingCalendar.SaveAsync(work.Db, ct);
        return View(work);
    }

    CallerBookingView View(Work w) => new(
        w.Service.Name,
        w.Business.Name,
        BookingNotices.BusinessPhone(w.Business) is { } phone ? BookingNotices.PhoneText(phone) : null,
        w.Booking.StartsAt,
        BookingWords.Long(w.Booking.StartsAt, w.Zone),
        BookingWords.Time(TimeZoneInfo.ConvertTime(w.Booking.EndsAt, w.Zone)),
        !w.Booking.IsBooked,
        w.Booking.StartsAt <= clock.GetUtcNow());

    /// <summary>The booking of a token with its business and service, on a DbContext limited to that business; null when unknown.</summary>
    async Task<Work?> OpenAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }

        Guid? businessId;
        await using (var lookup = scopes.CreateAsyncScope())
        {
            var all = lookup.ServiceProvider.DbAcrossBusinesses("a caller's booking link");
            businessId = await all.Bookings.AsNoTracking().Where(b => b.CancelToken == token).Select(b => (Guid?)b.BusinessId).SingleOrDefaultAsync(ct);
        }

        if (businessId is not { } id)
        {
            return null;
        }

        var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(id);
        var booking = await db.Bookings.SingleAsync(b => b.CancelToken == token, ct);
        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == id, ct);
        var service = await db.BookableServices.AsNoTracking().SingleAsync(s => s.Id == booking.ServiceId, ct);
        return new Work(scope, db, business, booking, service, BusinessHours.Zone(business.TimeZone));
    }

    sealed record Work(AsyncServiceScope Scope, LeadsDbContext Db, Business Business, Booking Booking, BookableService Service, TimeZoneInfo Zone) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }
}
