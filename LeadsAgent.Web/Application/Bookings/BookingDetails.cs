using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Bookings;

/// <summary>A booking with where it came from: the lead (and the channel the agent met them on) or the owner.</summary>
/// <param name="LeadChannel">The channel of the linked lead; null when the booking has no lead (the owner entered it).</param>
/// <param name="DurationMinutes">The service's length, for "60 min".</param>
public sealed record BookingDetailsDto(BookingDto Booking, int DurationMinutes, Channel? LeadChannel);

/// <summary>One booking for the dashboard's details dialog.</summary>
public sealed class BookingDetailsQuery(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current)
{
    public async Task<BookingDetailsDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        PlanRules.Require(current.EffectivePlan(business), PlanFeature.Booking);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("Booking");
        var service = await db.BookableServices.AsNoTracking().SingleAsync(s => s.Id == booking.ServiceId, ct);
        Channel? channel = booking.LeadId is { } leadId
            ? await db.Leads.AsNoTracking().Where(l => l.Id == leadId).Select(l => (Channel?)l.Channel).SingleOrDefaultAsync(ct)
            : null;
        return new BookingDetailsDto(BookingDto.From(booking, service.Name, BusinessHours.Zone(business.TimeZone)), service.DurationMinutes, channel);
    }
}
