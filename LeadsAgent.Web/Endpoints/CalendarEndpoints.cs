using LeadsAgent.Domain.Plans;
using LeadsAgent.Web.Application.Calendar;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadsAgent.Web.Endpoints;

/// <summary>Calendar sync (BASIC and up): the private feed and the owner's CalDAV calendar; the same use cases as the calendar settings page.</summary>
public static class CalendarEndpoints
{
    public static void MapCalendar(this RouteGroupBuilder admin)
    {
        var calendar = admin.MapGroup("/calendar").RequirePlan(PlanRules.RequiredTier(PlanFeature.Booking));
        calendar.MapGet("/", async (CalendarSettingsQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(ct)));
        calendar.MapPut("/", async (ConnectCalendarRequest request, ConnectCalendar connect, CancellationToken ct) =>
            TypedResults.Ok(await connect.HandleAsync(request, ct))).Validate<ConnectCalendarRequest>();
        calendar.MapDelete("/", async (DisconnectCalendar disconnect, CancellationToken ct) => TypedResults.Ok(await disconnect.HandleAsync(ct)));
        calendar.MapPost("/feed/reset", async (ResetCalendarFeed reset, CancellationToken ct) => TypedResults.Ok(await reset.HandleAsync(ct)));
    }

    /// <summary>The private feed calendar apps subscribe to: no sign-in, the unguessable token is the key.</summary>
    public static void MapCalendarFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{token}.ics", FeedAsync).AllowAnonymous();

    static async Task<Results<ContentHttpResult, NotFound>> FeedAsync(string token, CalendarFeed feed, HttpContext context, CancellationToken ct)
    {
        if (await feed.BuildAsync(token, ct) is not { } ics)
        {
            return TypedResults.NotFound();
        }

        // The address is the secret: keep it out of shared caches and search engines.
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers["X-Robots-Tag"] = "noindex";
        return TypedResults.Text(ics, "text/calendar; charset=utf-8");
    }
}
