using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Calendar;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeadsAgent.Infrastructure.Bookings;

/// <summary>
/// What every booking path shares (the owner's API and the agent): the slot query of a business, the rule check, and
/// the race-safe save. The slot query is the one place that gathers what makes a time busy.
/// </summary>
public static class BookingCalendar
{
    /// <summary>PostgreSQL's exclusion_violation: another booked visit holds an overlapping time (constraint bookings_no_overlap).</summary>
    const string ExclusionViolation = "23P01";

    /// <summary>Everything a slot of the business depends on at <paramref name="now"/>; <paramref name="db"/> is scoped to the business.</summary>
    /// <remarks>Our bookings and the owner's own busy times (their CalDAV calendar, when connected) from a day before now to past the horizon.</remarks>
    public static async Task<SlotQuery> QueryAsync(LeadsDbContext db, Business business, DateTimeOffset now, CalendarBusyTimes calendar, CancellationToken ct)
    {
        var rules = await db.BookingRules.AsNoTracking().SingleOrDefaultAsync(ct) ?? BookingRules.Default(business.Id);
        // Bookings from a day before now (a long visit still running) to the end of the horizon are all that can collide.
        var from = now.AddDays(-1);
        var to = now.AddDays(rules.HorizonDays + 1);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.BOOKED && b.BusyUntil > from && b.StartsAt < to).ToListAsync(ct);
        var zone = BusinessHours.Zone(business.TimeZone);
        var busy = await calendar.GetAsync(db, business.Id, zone, from, to, ct);
        return new SlotQuery(business.Hours, zone, rules, bookings, busy, now);
    }

    /// <summary>Throws a <see cref="ConflictException"/> when the time is taken, a <see cref="DomainException"/> when the rules forbid it.</summary>
    public static void EnsureBookable(SlotQuery query, BookableService service, DateTimeOffset start, Guid? ignore)
    {
        if (SlotFinder.Problem(query, service, start, ignore) is { } problem)
        {
            throw problem.Kind == SlotProblem.Taken
                ? new ConflictException(problem.Message, "startsAt")
                : new DomainException(problem.Message, "startsAt");
        }
    }

    /// <summary>Saves; when a racing request booked an overlapping time first, the database refuses and the caller hears it was just taken.</summary>
    public static async Task SaveAsync(LeadsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: ExclusionViolation })
        {
            throw new ConflictException(Booking.TakenMessage, "startsAt");
        }
    }
}
