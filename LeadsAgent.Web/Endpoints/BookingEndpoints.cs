using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Application.Bookings;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadsAgent.Web.Endpoints;

/// <summary>Online booking (BASIC and up): services, booking rules and free slots, and the bookings themselves.</summary>
public static class BookingEndpoints
{
    public static void MapBooking(this RouteGroupBuilder admin)
    {
        var tier = PlanRules.RequiredTier(PlanFeature.Booking);
        var services = admin.MapGroup("/services").RequirePlan(tier);
        services.MapGet("/", async (ServiceQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(ct)));
        services.MapPost("/", AddServiceAsync).Validate<ServiceRequest>();
        services.MapPut("/{id:guid}", async (Guid id, ServiceRequest request, SaveService save, CancellationToken ct) =>
            TypedResults.Ok(await save.HandleAsync(id, request, ct))).Validate<ServiceRequest>();
        services.MapDelete("/{id:guid}", DeleteServiceAsync);

        var availability = admin.MapGroup("/availability").RequirePlan(tier);
        availability.MapGet("/", async (AvailabilityQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(ct)));
        availability.MapPut("/", async (AvailabilityRequest request, UpdateAvailability update, CancellationToken ct) =>
            TypedResults.Ok(await update.HandleAsync(request, ct))).Validate<AvailabilityRequest>();
        availability.MapGet("/slots", SlotsAsync);

        var bookings = admin.MapGroup("/bookings").RequirePlan(tier);
        bookings.MapGet("/", async (DateTimeOffset? from, DateTimeOffset? to, BookingQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(from, to, ct)));
        bookings.MapPost("/", CreateAsync).Validate<BookingRequest>();
        bookings.MapPut("/{id:guid}", async (Guid id, MoveBookingRequest request, MoveBooking move, CancellationToken ct) =>
            TypedResults.Ok(await move.HandleAsync(id, request, ct))).Validate<MoveBookingRequest>();
        bookings.MapPost("/{id:guid}/cancel", async (Guid id, CancelBooking cancel, CancellationToken ct) => TypedResults.Ok(await cancel.HandleAsync(id, ct)));
    }

    static async Task<Created<ServiceDto>> AddServiceAsync(ServiceRequest request, SaveService save, CancellationToken ct)
    {
        var service = await save.HandleAsync(null, request, ct);
        return TypedResults.Created($"/api/admin/services/{service.Id}", service);
    }

    static async Task<NoContent> DeleteServiceAsync(Guid id, DeleteService delete, CancellationToken ct)
    {
        await delete.HandleAsync(id, ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<Ok<List<SlotDto>>, ValidationProblem>> SlotsAsync(Guid? serviceId, DateTimeOffset? from, int? count,
        AvailabilityQueries queries, CancellationToken ct)
    {
        if (serviceId is not { } id)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["serviceId"] = ["Say which service: ?serviceId=..."] },
                "Say which service: ?serviceId=...");
        }

        return TypedResults.Ok(await queries.SlotsAsync(id, from, count ?? 3, ct));
    }

    static async Task<Created<BookingDto>> CreateAsync(BookingRequest request, CreateBooking create, CancellationToken ct)
    {
        var booking = await create.HandleAsync(request, ct);
        return TypedResults.Created($"/api/admin/bookings/{booking.Id}", booking);
    }
}
