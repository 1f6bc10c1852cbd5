using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Infrastructure.Calendar;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration.Calendar;

/// <summary>
/// Calendar sync through the API against the real Radicale on loopback (Calendar:AllowLoopbackTargets on, as on a
/// developer's machine): connecting checks the password, an event the owner adds in their calendar takes that time
/// out of the offered slots, bookings appear in the calendar, move with it and vanish when cancelled, and the private
/// feed serves them as iCalendar.
/// </summary>
public class CalendarSyncTests(CalendarSyncTests.Fixture fx) : IClassFixture<CalendarSyncTests.Fixture>
{
    public sealed class Fixture : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Notifications:PollSeconds"] = "3600",
            ["Calendar:AllowLoopbackTargets"] = "true",
            // Short, so a test can see a fresh read after its own writes; the cache path still runs.
            ["Calendar:BusyCacheSeconds"] = "1",
        };
    }

    static readonly TimeZoneInfo s_chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>10:00 in Chicago the day after tomorrow: a start the slot finder offers first.</summary>
    static DateTimeOffset TenInChicago
    {
        get
        {
            var date = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, s_chicago).Date.AddDays(2).AddHours(10);
            return new DateTimeOffset(date, s_chicago.GetUtcOffset(date));
        }
    }

    async Task<(HttpClient Owner, Guid ServiceId)> BookableBusinessAsync()
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("BASIC");
        (await owner.PutAsJsonAsync("/api/admin/business", new { timeZone = "America/Chicago" }, Ct)).EnsureSuccessStatusCode();
        var week = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), ranges = new[] { new { from = "00:00", to = "24:00" } } }).ToArray();
        (await owner.PutAsJsonAsync("/api/admin/hours", new { week }, Ct)).EnsureSuccessStatusCode();
        await (await owner.PutAsJsonAsync("/api/admin/availability", new { minimumNoticeHours = 0, horizonDays = 14 }, Ct)).JsonAsync(HttpStatusCode.OK);
        var service = await (await owner.PostAsJsonAsync("/api/admin/services", new { name = "Repair visit", durationMinutes = 60, bufferMinutes = 0 }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        return (owner, service["id"]!.GetValue<Guid>());
    }

    /// <summary>A new calendar in Radicale, connected to the owner's business through the API.</summary>
    async Task<string> ConnectNewCalendarAsync(HttpClient owner)
    {
        var url = CalDavServer.NewCalendarUrl();
        await fx.App.Services.GetRequiredService<CalDavClient>().CreateCalendarAsync(new CalDavAccount(url, CalDavServer.User, CalDavServer.Password), "Shop", Ct);
        await (await owner.PutAsJsonAsync("/api/admin/calendar", new { calendarUrl = url, userName = CalDavServer.User, password = CalDavServer.Password }, Ct))
            .JsonAsync(HttpStatusCode.OK);
        return url;
    }

    static async Task<List<DateTimeOffset>> SlotsAsync(HttpClient owner, Guid serviceId, DateTimeOffset from, int count = 4)
    {
        var url = $"/api/admin/availability/slots?serviceId={serviceId}&from={Uri.EscapeDataString(from.ToString("O"))}&count={count}";
        var slots = await (await owner.GetAsync(url, Ct)).JsonAsync(HttpStatusCode.OK);
        return [.. slots.AsArray().Select(s => s!["startsAt"]!.GetValue<DateTimeOffset>())];
    }

    async Task RunOutboxAsync()
    {
        var worker = fx.App.Services.GetRequiredService<OutboxWorker>();
        for (var i = 0; i < 10 && await worker.RunOnceAsync(Ct) > 0; i++)
        {
        }
    }

    static string EventUrl(string calendarUrl, Guid bookingId) => calendarUrl + Uri.EscapeDataString(CalendarSync.Uid(bookingId)) + ".ics";

    [Fact]
    public async Task Connecting_tries_the_calendar_first_and_says_plainly_what_is_wrong()
    {
        var (owner, _) = await BookableBusinessAsync();
        var before = await (await owner.GetAsync("/api/admin/calendar", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.False(before["connected"]!.GetValue<bool>());
        Assert.Matches("/calendar/[A-Za-z0-9_-]{40,}\\.ics$", before["feedUrl"]!.GetValue<string>());

        var url = CalDavServer.NewCalendarUrl();
        await fx.App.Services.GetRequiredService<CalDavClient>().CreateCalendarAsync(new CalDavAccount(url, CalDavServer.User, CalDavServer.Password), "Shop", Ct);

        var wrong = await (await owner.PutAsJsonAsync("/api/admin/calendar", new { calendarUrl = url, userName = CalDavServer.User, password = "wrong-password-42" }, Ct))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(ApiClient.ErrorsFor(wrong, "password"), e => e.Contains("refused the user name or password", StringComparison.Ordinal));

        var account = await (await owner.PutAsJsonAsync("/api/admin/calendar",
            new { calendarUrl = $"{CalDavServer.BaseUrl}{CalDavServer.User}/", userName = CalDavServer.User, password = CalDavServer.Password }, Ct))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(ApiClient.ErrorsFor(account, "calendarUrl"), e => e.StartsWith("That address is not a calendar", StringComparison.Ordinal));
        Assert.False((await (await owner.GetAsync("/api/admin/calendar", Ct)).JsonAsync(HttpStatusCode.OK))["connected"]!.GetValue<bool>());

        var connected = await (await owner.PutAsJsonAsync("/api/admin/calendar", new { calendarUrl = url, userName = CalDavServer.User, password = CalDavServer.Password }, Ct))
            .JsonAsync(HttpStatusCode.OK);
        Assert.True(connected["connected"]!.GetValue<bool>());
        Assert.Equal("Shop", connected["calendarName"]!.GetValue<string>());
        Assert.Equal(url, connected["calendarUrl"]!.GetValue<string>());
        Assert.Null(connected["lastError"]);
        // The password is never given back, and it is not stored as typed.
        Assert.DoesNotContain(connected.AsObject(), p => p.Key.Contains("password", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM calendar_connections WHERE caldav_password_protected = '{CalDavServer.Password}' OR caldav_password_protected IS NULL AND caldav_url IS NOT NULL"));

        var disconnected = await (await owner.DeleteAsync("/api/admin/calendar", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.False(disconnected["connected"]!.GetValue<bool>());
        Assert.Null(disconnected["calendarUrl"]);
    }

    [Fact]
    public async Task A_busy_event_added_in_the_owners_calendar_removes_that_time_from_the_offered_slots()
    {
        var (owner, serviceId) = await BookableBusinessAsync();
        var calendar = await ConnectNewCalendarAsync(owner);
        var ten = TenInChicago;
        // As a phone's calendar app writes it: the dentist from 10:00 to 11:00, in UTC.
        await CalDavServer.PutRawAsync(calendar, "dentist.ics", $"""
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Phone//Calendar//EN
            BEGIN:VEVENT
            UID:dentist@phone
            DTSTAMP:20261201T100000Z
            DTSTART:{ten.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}
            DTEND:{ten.AddHours(1).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}
            SUMMARY:Dentist
            END:VEVENT
            END:VCALENDAR
            """.ReplaceLineEndings("\r\n"));

        var slots = await SlotsAsync(owner, serviceId, ten);
        Assert.Equal([ten.AddHours(1), ten.AddHours(1.5), ten.AddHours(2), ten.AddHours(2.5)], slots);
        var taken = await (await owner.PostAsJsonAsync("/api/admin/bookings", new { serviceId, startsAt = ten.AddMinutes(30), callerName = "Ann Lee" }, Ct))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("That time was just taken. Please choose another time.", taken["detail"]!.GetValue<string>());

        var settings = await (await owner.GetAsync("/api/admin/calendar", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.NotNull(settings["lastSyncAt"]);
        Assert.Null(settings["lastError"]);
    }

    [Fact]
    public async Task When_the_calendar_cannot_be_read_slots_are_still_offered_and_the_settings_say_why()
    {
        var (owner, serviceId) = await BookableBusinessAsync();
        var calendar = await ConnectNewCalendarAsync(owner);
        // The calendar server goes away: nothing answers at the saved address any more.
        await fx.Database.ExecuteAsync($"UPDATE calendar_connections SET caldav_url = 'http://127.0.0.1:9/gone/' WHERE caldav_url = '{calendar}'");
        var ten = TenInChicago;

        Assert.Equal([ten, ten.AddHours(0.5)], await SlotsAsync(owner, serviceId, ten, 2));

        var settings = await (await owner.GetAsync("/api/admin/calendar", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.StartsWith("Could not connect to the calendar server", settings["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(settings["connected"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_booking_appears_in_the_owners_calendar_moves_with_it_and_goes_when_cancelled()
    {
        var (owner, serviceId) = await BookableBusinessAsync();
        var calendar = await ConnectNewCalendarAsync(owner);
        var ten = TenInChicago;
        var booked = await (await owner.PostAsJsonAsync("/api/admin/bookings",
            new { serviceId, startsAt = ten, callerName = "Maria Lopez", callerPhone = "(555) 201-3344" }, Ct)).JsonAsync(HttpStatusCode.Created);
        var id = booked["id"]!.GetValue<Guid>();
        await RunOutboxAsync();

        var stored = await CalDavServer.GetRawAsync(EventUrl(calendar, id));
        Assert.NotNull(stored);
        Assert.Contains($"DTSTART:{ten.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", stored, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Repair visit: Maria Lopez", stored, StringComparison.Ordinal);
        Assert.Contains("+15552013344", stored, StringComparison.Ordinal);
        Assert.NotNull((await (await owner.GetAsync("/api/admin/calendar", Ct)).JsonAsync(HttpStatusCode.OK))["lastSyncAt"]);

        // Moved half an hour later: it overlaps its own old time, which our event in the calendar must not block.
        await Task.Delay(1100, Ct);
        await (await owner.PutAsJsonAsync($"/api/admin/bookings/{id}", new { startsAt = ten.AddMinutes(30) }, Ct)).JsonAsync(HttpStatusCode.OK);
        await RunOutboxAsync();
        stored = await CalDavServer.GetRawAsync(EventUrl(calendar, id));
        Assert.Contains($"DTSTART:{ten.AddMinutes(30).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", stored, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:", stored, StringComparison.Ordinal);

        await (await owner.PostAsync($"/api/admin/bookings/{id}/cancel", null, Ct)).JsonAsync(HttpStatusCode.OK);
        await RunOutboxAsync();
        Assert.Null(await CalDavServer.GetRawAsync(EventUrl(calendar, id)));
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE kind = 'CALENDAR_SYNC' AND status <> 'SENT'"));
    }

    [Fact]
    public async Task The_private_feed_serves_the_bookings_as_icalendar_and_a_new_address_ends_the_old_one()
    {
        var (owner, serviceId) = await BookableBusinessAsync();
        var ten = TenInChicago;
        var booked = await (await owner.PostAsJsonAsync("/api/admin/bookings",
            new { serviceId, startsAt = ten, callerName = "Maria Lopez", callerPhone = "(555) 201-3344" }, Ct)).JsonAsync(HttpStatusCode.Created);
        var gone = await (await owner.PostAsJsonAsync("/api/admin/bookings", new { serviceId, startsAt = ten.AddHours(3), callerName = "Tom Hale" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        await (await owner.PostAsync($"/api/admin/bookings/{gone["id"]}/cancel", null, Ct)).JsonAsync(HttpStatusCode.OK);

        var feedUrl = (await (await owner.GetAsync("/api/admin/calendar", Ct)).JsonAsync(HttpStatusCode.OK))["feedUrl"]!.GetValue<string>();
        var path = new Uri(feedUrl).AbsolutePath;
        using var anonymous = fx.Anonymous();
        var response = await anonymous.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync(Ct))!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal(CalendarSync.Uid(booked["id"]!.GetValue<Guid>()), e.Uid);
        Assert.Equal("Repair visit: Maria Lopez", e.Summary);
        Assert.Contains("+15552013344", e.Description, StringComparison.Ordinal);
        Assert.Equal(ten.UtcDateTime, e.DtStart!.AsUtc);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path.Replace("/calendar/", "/calendar/x", StringComparison.Ordinal), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/not-a-real-token.ics", Ct)).StatusCode);

        var reset = await (await owner.PostAsync("/api/admin/calendar/feed/reset", null, Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(feedUrl, reset["feedUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(reset["feedUrl"]!.GetValue<string>()).AbsolutePath, Ct)).StatusCode);
    }

    [Fact]
    public async Task Calendar_sync_needs_the_basic_plan()
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("FREE");
        var body = await (await owner.GetAsync("/api/admin/calendar", Ct)).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal("BASIC", body["requiredPlan"]!.GetValue<string>());
    }
}

/// <summary>With the production address rules (loopback not allowed), a calendar address on this machine or a private network is refused.</summary>
public class CalendarAddressTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    [Theory]
    [InlineData("https://127.0.0.1:55232/leadsagent/cal/")]
    [InlineData("https://localhost/cal/")]
    [InlineData("https://10.1.2.3/cal/")]
    [InlineData("https://169.254.169.254/latest/")]
    public async Task A_private_calendar_address_is_refused(string url)
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("BASIC");
        var problem = await (await owner.PutAsJsonAsync("/api/admin/calendar", new { calendarUrl = url, userName = "me", password = "secret-pass" },
            TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(ApiClient.ErrorsFor(problem, "calendarUrl"), e => e.Contains("private network", StringComparison.Ordinal));
    }
}
