using FluentValidation;
using LeadsAgent.Domain.Booking;
using LeadsAgent.Web.Validation;

namespace LeadsAgent.Web.Application.Bookings;

/// <summary>A service as the owner gives it (<c>POST/PUT /api/admin/services</c>); <see cref="Active"/> left out means on.</summary>
public sealed record ServiceRequest(string? Name, int? DurationMinutes, int? BufferMinutes, bool? Active);

public sealed class ServiceRequestValidator : AbstractValidator<ServiceRequest>
{
    public ServiceRequestValidator()
    {
        RuleFor(x => x.Name).StorableText();
        RuleFor(x => x.DurationMinutes).NotNull().WithMessage("Enter how long the visit takes, in minutes.");
        RuleFor(x => x).Custom((x, context) =>
        {
            if (x.DurationMinutes is { } duration && BookableService.Problem(x.Name, duration, x.BufferMinutes ?? 0) is { } problem)
            {
                context.AddFailure(problem.Field, problem.Message);
            }
        });
    }
}

public sealed record ServiceDto(Guid Id, string Name, int DurationMinutes, int BufferMinutes, bool Active)
{
    public static ServiceDto From(BookableService s) => new(s.Id, s.Name, s.DurationMinutes, s.BufferMinutes, s.Active);
}

/// <summary>The booking rules (<c>PUT /api/admin/availability</c>); the opening hours themselves are <c>/api/admin/hours</c>.</summary>
public sealed record AvailabilityRequest(int? MinimumNoticeHours, int? HorizonDays, int? MaxPerDay);

public sealed class AvailabilityRequestValidator : AbstractValidator<AvailabilityRequest>
{
    public AvailabilityRequestValidator()
    {
        RuleFor(x => x.MinimumNoticeHours).NotNull().WithMessage("Enter the notice you need, in hours (0 for none).");
        RuleFor(x => x.HorizonDays).NotNull().WithMessage("Enter how many days ahead visits may be booked.");
        RuleFor(x => x).Custom((x, context) =>
        {
            if (x.MinimumNoticeHours is { } notice && x.HorizonDays is { } horizon && BookingRules.Problem(notice, horizon, x.MaxPerDay) is { } problem)
            {
                context.AddFailure(problem.Field, problem.Message);
            }
        });
    }
}

/// <summary>The rules with what they rest on: the zone and whether hours are set (no hours, no slots).</summary>
public sealed record AvailabilityDto(int MinimumNoticeHours, int HorizonDays, int? MaxPerDay, string TimeZone, bool HoursSet)
{
    public static AvailabilityDto From(BookingRules r, string timeZone, bool hoursSet) => new(r.MinimumNoticeHours, r.HorizonDays, r.MaxPerDay, timeZone, hoursSet);
}

/// <summary>A free time, with its start and end in the business's zone (the offset says which).</summary>
public sealed record SlotDto(DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>A new booking (<c>POST /api/admin/bookings</c>).</summary>
public sealed record BookingRequest(Guid? ServiceId, DateTimeOffset? StartsAt, string? CallerName, string? CallerPhone, string? CallerEmail, Guid? LeadId);

public sealed class BookingRequestValidator : AbstractValidator<BookingRequest>
{
    public BookingRequestValidator()
    {
        RuleFor(x => x.ServiceId).NotNull().WithMessage("Choose the service to book.");
        RuleFor(x => x.StartsAt).NotNull().WithMessage("Enter when the visit starts.");
        RuleFor(x => x.CallerName).RequiredText(Booking.MaxName);
        RuleFor(x => x.CallerPhone).PhoneNumber();
        RuleFor(x => x.CallerEmail).OptionalEmail();
    }
}

/// <summary>A move (<c>PUT /api/admin/bookings/{id}</c>): the new start, for the same service.</summary>
public sealed record MoveBookingRequest(DateTimeOffset? StartsAt);

public sealed class MoveBookingRequestValidator : AbstractValidator<MoveBookingRequest>
{
    public MoveBookingRequestValidator() => RuleFor(x => x.StartsAt).NotNull().WithMessage("Enter the new start of the visit.");
}

/// <summary>A booking as the API shows it, its times in the business's zone.</summary>
public sealed record BookingDto(Guid Id, Guid ServiceId, string ServiceName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, BookingStatus Status,
    string CallerName, string? CallerPhone, string? CallerEmail, Guid? LeadId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CancelledAt)
{
    public static BookingDto From(Booking b, string serviceName, TimeZoneInfo zone) =>
        new(b.Id, b.ServiceId, serviceName, TimeZoneInfo.ConvertTime(b.StartsAt, zone), TimeZoneInfo.ConvertTime(b.EndsAt, zone), b.Status,
            b.CallerName, b.CallerPhone, b.CallerEmail, b.LeadId, b.CreatedAt, b.UpdatedAt, b.CancelledAt);
}
