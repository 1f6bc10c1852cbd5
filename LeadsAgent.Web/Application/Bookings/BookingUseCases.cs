using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Bookings;
using LeadsAgent.Infrastructure.Calendar;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Bookings;

/// <summary>The signed-in owner's bookable services (BASIC and up).</summary>
public sealed class ServiceQueries(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current)
{
    public async Task<List<ServiceDto>> ListAsync(CancellationToken ct = default)
    {
        PlanRules.Require(await current.EffectivePlanAsync(ct), PlanFeature.Booking);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var services = await db.BookableServices.AsNoTracking().OrderBy(s => s.CreatedAt).ThenBy(s => s.Name).ToListAsync(ct);
        return [.. services.Select(ServiceDto.From)];
    }
}

/// <summary>Adds a service, or changes one when <c>id</c> is given.</summary>
public sealed class SaveService(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, TimeProvider clock)
{
    public async Task<ServiceDto> HandleAsync(Guid? id, ServiceRequest request, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        PlanRules.Require(current.EffectivePlan(business), PlanFeature.Booking);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var name = request.Name ?? "";
        var duration = request.DurationMinutes ?? 0;
        BookableService service;
        if (id is { } existing)
        {
            service = await db.BookableServices.SingleOrDefaultAsync(s => s.Id == existing, ct) ?? throw new NotFoundException("Service");
            service.Change(name, duration, request.BufferMinutes ?? service.BufferMinutes, request.Active ?? service.Active, now);
        }
        else
        {
            if (await db.BookableServices.CountAsync(ct) >= BookableService.MaxPerBusiness)
            {
                throw new DomainException($"You can have at most {BookableService.MaxPerBusiness} services; delete or change one first.", "name");
            }

            service = BookableService.Create(business.Id, name, duration, request.BufferMinutes ?? 0, request.Active ?? true, now);
            db.BookableServices.Add(service);
        }

        if (await db.BookableServices.AnyAsync(s => s.Id != service.Id && s.Name.ToLower() == service.Name.ToLower(), ct))
        {
            throw new ConflictException($"You already have a service called \"{service.Name}\".", "name");
        }

        await db.SaveChangesAsync(ct);
        return ServiceDto.From(service);
    }
}

/// <summary>Deletes a service that was never booked; one with bookings is switched off instead, so its bookings keep their name.</summary>
public sealed class DeleteService(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current)
{
    public async Task HandleAsync(Guid id, CancellationToken ct = default)
    {
        PlanRules.Require(await current.EffectivePlanAsync(ct), PlanFeature.Booking);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var service = await db.BookableServices.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Service");
        if (await db.Bookings.AnyAsync(b => b.ServiceId == id, ct))
        {
            throw new ConflictException("This service has bookings, so it can't be deleted; switch it off instead (\"active\": false).");
        }

        db.BookableServices.Remove(service);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The booking rules and the free slots the agent will offer.</summary>
public sealed class AvailabilityQueries(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, TimeProvider clock, CalendarBusyTimes calendar)
{
    public async Task<AvailabilityDto> GetAsync(CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        PlanRules.Require(current.EffectivePlan(business), PlanFeature.Booking);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rules = await db.BookingRules.AsNoTracking().SingleOrDefaultAsync(ct) ?? BookingRules.Default(business.Id);
        return AvailabilityDto.From(rules, business.TimeZone, business.Hours is { IsSet: true });
    }

    /// <summary>The nearest free slots for a service from <paramref name="from"/> (or now), at most <paramref name="count"/>.</summary>
    public async Task<List<SlotDto>> SlotsAsync(Guid serviceId, DateTimeOffset? from, int count, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        PlanRules.Require(current.EffectivePlan(business), PlanFeature.Booking);
        if (count is < 1 or > SlotFinder.MaxCount)
        {
            throw new DomainException($"Ask for between 1 and {SlotFinder.MaxCount} slots.", "count");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var service = await db.BookableServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId, ct) ?? throw new NotFoundException("Service");
        if (!service.Active)
        {
            throw new DomainException("This service is switched off, so it can't be booked.", "serviceId");
        }

        var query = await BookingCalendar.QueryAsync(db, business, clock.GetUtcNow(), calendar, ct);
        return [.. SlotFinder.Find(query, service, count, from).Select(s => new SlotDto(s.StartsAt, s.EndsAt))];
    }
}

public sealed class UpdateAvailability(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, TimeProvider clock)
{
    public async Task<AvailabilityDto> HandleAsync(AvailabilityRequest request, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        PlanRules.Require(current.EffectivePlan(business), PlanFeature.Booking);
        var notice = request.MinimumNoticeHours ?? BookingRules.DefaultNoticeHours;
        var horizon = request.HorizonDays ?? BookingRules.DefaultHorizonDays;
        if (BookingRules.Problem(notice, horizon, request.MaxPerDay) is { } problem)
        {
            throw new DomainException(problem.Message, problem.Field);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var rules = await db.BookingRules.SingleOrDefaultAsync(ct);
        if (rules is null)
        {
            rules = BookingRules.Default(business.Id);
            db.BookingRules.Add(rules);
        }

        rules.MinimumNoticeHours = notice;
        rules.HorizonDays = horizon;
        rules.MaxPerDay = request.MaxPerDay;
        rules.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return AvailabilityDto.From(rules, business.TimeZone, business.Hours is { IsSet: true });
    }
}

/// <summary>The bookings between two instants, earliest first, cancelled ones included (marked).</summary>
public sealed class BookingQueries(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, TimeProvider clock)
{
    public const int MaxRangeDays = 93;

    public async Task<List<BookingDto>> ListAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        PlanRules.Require(current.EffectivePlan(business), PlanFeature.Booking);
        var start = from ?? clock.GetUtcNow().AddDays(-1);
        var end = to ?? start.AddDays(31);
        if (end <= start)
        {
            throw new DomainException("'to' must be after 'from'.", "to");
        }

        if (end - start > TimeSpan.FromDays(MaxRangeDays))
        {
            throw new DomainException($"Ask for at most {MaxRangeDays} days at a time.", "to");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var zone = BusinessHours.Zone(business.TimeZone);
        var names = await db.BookableServices.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.StartsAt < end && b.EndsAt > start).OrderBy(b => b.StartsAt).ToListAsync(ct);
        return [.. bookings.Select(b => BookingDto.From(b, names.GetValueOrDefault(b.ServiceId, ""), zone))];
    }
}

/// <summary>Books a visit at a start time, inside the hours and rules; a time someone else holds is a 409 (checked, then enforced by the database).</summary>
public sealed class CreateBooking(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, BookingNotices notices, TimeProvider clock, CalendarBusyTimes calendar)
{
    public async Task<BookingDto> HandleAsync(BookingRequest request, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        PlanRules.Require(current.EffectivePlan(business), PlanFeature.Booking);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var service = await db.BookableServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.ServiceId, ct)
            ?? throw new DomainException("Choose one of your services.", "serviceId");
        if (!service.Active)
        {
            throw new DomainException("This service is switched off, so it can't be booked.", "serviceId");
        }

        if (request.LeadId is { } leadId && !await db.Leads.AnyAsync(l => l.Id == leadId, ct))
        {
            throw new DomainException("That lead was not found.", "leadId");
        }

        var now = clock.GetUtcNow();
        var start = request.StartsAt ?? throw new DomainException("Enter when the visit starts.", "startsAt");
        var query = await BookingCalendar.QueryAsync(db, business, now, calendar, ct);
        BookingCalendar.EnsureBookable(query, service, start, ignore: null);
        var booking = Booking.Create(business.Id, service, start, request.CallerName ?? "", Clean.Phone(request.CallerPhone),
            Clean.Text(request.CallerEmail), request.LeadId, now);
        db.Bookings.Add(booking);
        await notices.EnqueueBookedAsync(db, business, booking, service.Name, BookingActor.Owner, ct);
        await BookingCalendar.SaveAsync(db, ct);
        return BookingDto.From(booking, service.Name, query.Zone);
    }
}

/// <summary>Moves a booked visit to a new start for the same service; its old time is free again.</summary>
public sealed class MoveBooking(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, BookingNotices notices, TimeProvider clock, CalendarBusyTimes calendar)
{
    public async Task<BookingDto> HandleAsync(Guid id, MoveBookingRequest request, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        PlanRules.Require(current.EffectivePlan(business), PlanFeature.Booking);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("Booking");
        var service = await db.BookableServices.AsNoTracking().SingleAsync(s => s.Id == booking.ServiceId, ct);
        var now = clock.GetUtcNow();
        var start = request.StartsAt ?? throw new DomainException("Enter the new start of the visit.", "startsAt");
        var query = await BookingCalendar.QueryAsync(db, business, now, calendar, ct);
        if (!booking.IsBooked)
        {
            throw new ConflictException("This booking was cancelled; book a new time instead.");
        }

        BookingCalendar.EnsureBookable(query, service, start, ignore: booking.Id);
        var before = booking.StartsAt;
        booking.Move(service, start, now);
        await notices.EnqueueMovedAsync(db, business, booking, service.Name, before, BookingActor.Owner, ct);
        await BookingCalendar.SaveAsync(db, ct);
        return BookingDto.From(booking, service.Name, query.Zone);
    }
}

public sealed class CancelBooking(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, BookingNotices notices, TimeProvider clock)
{
    public async Task<BookingDto> HandleAsync(Guid id, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        PlanRules.Require(current.EffectivePlan(business), PlanFeature.Booking);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("Booking");
        var name = await db.BookableServices.AsNoTracking().Where(s => s.Id == booking.ServiceId).Select(s => s.Name).SingleAsync(ct);
        booking.Cancel(clock.GetUtcNow());
        await notices.EnqueueCancelledAsync(db, business, booking, name, BookingActor.Owner, ct);
        await db.SaveChangesAsync(ct);
        return BookingDto.From(booking, name, BusinessHours.Zone(business.TimeZone));
    }
}
