using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Calendar;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LeadsAgent.Web.Application.Calendar;

/// <summary>The address of a business's private feed.</summary>
public static class CalendarFeedLinks
{
    public const int MaxToken = 64;

    public static string FeedUrl(ServerOptions server, string token) =>
        $"{(server.PublicBaseUrl ?? $"http://{server.ListenAddress}:{server.Port}").TrimEnd('/')}/calendar/{token}.ics";

    /// <summary>Reads (and on first use creates) the business's connection row, which holds the feed token.</summary>
    internal static async Task<CalendarConnection> EnsureAsync(LeadsDbContext db, Guid businessId, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.CalendarConnections.SingleOrDefaultAsync(ct) is { } existing)
        {
            return existing;
        }

        var connection = CalendarConnection.Create(businessId, now);
        db.CalendarConnections.Add(connection);
        try
        {
            await db.SaveChangesAsync(ct);
            return connection;
        }
        catch (DbUpdateException)
        {
            // Two first views at once: the other one made the row.
            db.ChangeTracker.Clear();
            return await db.CalendarConnections.SingleAsync(ct);
        }
    }

    /// <summary>One change of the signed-in owner's connection row (BASIC and up), saved, and the settings as they now are.</summary>
    internal static async Task<CalendarSettingsDto> ChangeAsync(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, ServerOptions server,
        TimeProvider clock, Action<CalendarConnection, DateTimeOffset> change, CancellationToken ct)
    {
        var business = await current.GetAsync(ct);
        PlanRules.Require(current.EffectivePlan(business), PlanFeature.Booking);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var connection = await EnsureAsync(db, business.Id, now, ct);
        change(connection, now);
        await db.SaveChangesAsync(ct);
        return CalendarSettingsDto.From(connection, FeedUrl(server, connection.FeedToken));
    }
}

/// <summary>The signed-in owner's calendar settings (BASIC and up); the feed's address is made on first view.</summary>
public sealed class CalendarSettingsQueries(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, IOptions<ServerOptions> server, TimeProvider clock)
{
    public async Task<CalendarSettingsDto> GetAsync(CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        PlanRules.Require(current.EffectivePlan(business), PlanFeature.Booking);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = await CalendarFeedLinks.EnsureAsync(db, business.Id, clock.GetUtcNow(), ct);
        return CalendarSettingsDto.From(connection, CalendarFeedLinks.FeedUrl(server.Value, connection.FeedToken));
    }
}

/// <summary>
/// Connects the owner's CalDAV calendar: the address, user name and password are tried first (the calendar must exist
/// and accept them), then saved with the password encrypted. A failed try saves nothing and says why in plain words.
/// </summary>
public sealed class ConnectCalendar(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, CalDavClient client, CalendarSecrets secrets,
    IOptions<ServerOptions> server, TimeProvider clock)
{
    public async Task<CalendarSettingsDto> HandleAsync(ConnectCalendarRequest request, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        PlanRules.Require(current.EffectivePlan(business), PlanFeature.Booking);
        var account = new CalDavAccount(request.CalendarUrl ?? "", request.UserName?.Trim() ?? "", request.Password ?? "");
        string? name;
        try
        {
            name = await client.CheckCalendarAsync(account, ct);
        }
        catch (CalDavException ex)
        {
            throw new DomainException(ex.Message, ex.Failure == CalDavFailure.Unauthorized ? "password" : "calendarUrl");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var connection = await CalendarFeedLinks.EnsureAsync(db, business.Id, now, ct);
        connection.Connect(account.CalendarUrl, account.UserName, secrets.Protect(request.Password ?? ""), name, now);
        await db.SaveChangesAsync(ct);
        return CalendarSettingsDto.From(connection, CalendarFeedLinks.FeedUrl(server.Value, connection.FeedToken));
    }
}

/// <summary>Forgets the CalDAV calendar (and its password); events already written stay in the owner's calendar.</summary>
public sealed class DisconnectCalendar(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, IOptions<ServerOptions> server, TimeProvider clock)
{
    public async Task<CalendarSettingsDto> HandleAsync(CancellationToken ct = default)
    {
        return await CalendarFeedLinks.ChangeAsync(contexts, current, server.Value, clock, (c, now) => c.Disconnect(now), ct);
    }
}

/// <summary>Gives the feed a new secret address; calendars subscribed to the old one stop getting bookings.</summary>
public sealed class ResetCalendarFeed(IDbContextFactory<LeadsDbContext> contexts, CurrentBusiness current, IOptions<ServerOptions> server, TimeProvider clock)
{
    public async Task<CalendarSettingsDto> HandleAsync(CancellationToken ct = default)
    {
        return await CalendarFeedLinks.ChangeAsync(contexts, current, server.Value, clock, (c, now) => c.ResetFeed(now), ct);
    }
}

/// <summary>
/// The private iCalendar feed (<c>GET /calendar/{token}.ics</c>): the business's booked visits from 30 days back on,
/// one VEVENT each with the booking's stable UID. The token is the only key (calendar apps cannot sign in), so an
/// unknown token, or a business whose plan no longer has booking, is simply not found.
/// </summary>
public sealed class CalendarFeed(NpgsqlDataSource dataSource, IServiceScopeFactory scopes, IOptions<FeatureOptions> features, TimeProvider clock)
{
    public const int MaxEvents = 2000;

    /// <summary>The feed's text, or null when there is no such feed.</summary>
    public async Task<string?> BuildAsync(string token, CancellationToken ct)
    {
        if (token.Length is 0 or > CalendarFeedLinks.MaxToken || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        await using var command = dataSource.CreateCommand("SELECT business_id FROM calendar_connections WHERE feed_token = $1");
        command.Parameters.AddWithValue(token);
        if (await command.ExecuteScalarAsync(ct) is not Guid businessId)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(businessId);
        var business = await db.Businesses.AsNoTracking().SingleOrDefaultAsync(ct);
        var plan = business is null ? PlanTier.FREE : features.Value.EnablePlanTiers ? business.PlanTier : PlanTier.PRO;
        if (business is null || !PlanRules.Allows(plan, PlanFeature.Booking))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var from = now.AddDays(-30);
        var names = await db.BookableServices.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.Status == BookingStatus.BOOKED && b.EndsAt > from)
            .OrderBy(b => b.StartsAt).Take(MaxEvents).ToListAsync(ct);
        return ICalendarWriter.Write(bookings.Select(b => CalendarSync.EventFor(b, names.GetValueOrDefault(b.ServiceId, "Booking"))), now,
            ICalendarWriter.MethodPublish, $"{business.Name} bookings", business.TimeZone);
    }
}
