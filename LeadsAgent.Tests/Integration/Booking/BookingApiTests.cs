using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LeadsAgent.Tests.Integration.Booking;

/// <summary>
/// The booking API on the real PostgreSQL: racing requests for one time book it once (the exclusion constraint), slots
/// skip booked times and come back after a move or a cancel, bad input gets ProblemDetails, FREE gets the plan body,
/// and one business never sees or touches another's services or bookings.
/// </summary>
public class BookingApiTests(BookingApiTests.Fixture fx) : IClassFixture<BookingApiTests.Fixture>
{
    public sealed class Fixture : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Notifications:PollSeconds"] = "3600",
        };
    }

    const string Taken = "That time was just taken. Please choose another time.";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A BASIC business in Chicago open around the clock, no notice, with a 60-minute repair (15 minutes' buffer); returns the service id.</summary>
    async Task<(Guid BusinessId, HttpClient Owner, Guid ServiceId)> BookableBusinessAsync(int? maxPerDay = null)
    {
        var (id, owner, _) = await fx.CreateBusinessAsync("BASIC");
        (await owner.PutAsJsonAsync("/api/admin/business", new { timeZone = "America/Chicago" }, Ct)).EnsureSuccessStatusCode();
        var week = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), ranges = new[] { new { from = "00:00", to = "24:00" } } }).ToArray();
        (await owner.PutAsJsonAsync("/api/admin/hours", new { week }, Ct)).EnsureSuccessStatusCode();
        await (await owner.PutAsJsonAsync("/api/admin/availability", new { minimumNoticeHours = 0, horizonDays = 14, maxPerDay }, Ct)).JsonAsync(HttpStatusCode.OK);
        var service = await (await owner.PostAsJsonAsync("/api/admin/services", new { name = "Repair visit", durationMinutes = 60, bufferMinutes = 15 }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        return (id, owner, service["id"]!.GetValue<Guid>());
    }

    static async Task<List<DateTimeOffset>> SlotsAsync(HttpClient owner, Guid serviceId, DateTimeOffset from, int count = 5)
    {
        var url = $"/api/admin/availability/slots?serviceId={serviceId}&from={Uri.EscapeDataString(from.ToString("O"))}&count={count}";
        var slots = await (await owner.GetAsync(url, Ct)).JsonAsync(HttpStatusCode.OK);
        return [.. slots.AsArray().Select(s => s!["startsAt"]!.GetValue<DateTimeOffset>())];
    }

    static Task<HttpResponseMessage> BookAsync(HttpClient owner, Guid serviceId, DateTimeOffset start, string name = "Maria Lopez") =>
        owner.PostAsJsonAsync("/api/admin/bookings", new { serviceId, startsAt = start, callerName = name, callerPhone = "(555) 201-3344" }, Ct);

    static DateTimeOffset Tomorrow => DateTimeOffset.UtcNow.AddDays(1);

    [Fact]
    public async Task Racing_requests_for_one_time_book_it_exactly_once_and_the_others_hear_it_was_just_taken()
    {
        var (businessId, owner, serviceId) = await BookableBusinessAsync();
        var start = (await SlotsAsync(owner, serviceId, Tomorrow))[0];

        // Twelve requests for the same start and twelve half an hour later (overlapping a 60-minute visit), all at once.
        var requests = Enumerable.Range(0, 24).Select(i => BookAsync(owner, serviceId, i % 2 == 0 ? start : start.AddMinutes(30), $"Caller {i}")).ToList();
        var responses = await Task.WhenAll(requests);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(23, refused.Count);
        foreach (var response in refused)
        {
            var problem = await response.JsonAsync(HttpStatusCode.Conflict);
            Assert.Equal(Taken, problem["detail"]!.GetValue<string>());
            Assert.Contains(Taken, ApiClient.ErrorsFor(problem, "startsAt"));
        }

        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM bookings WHERE business_id = '{businessId}' AND status = 'BOOKED'"));
    }

    [Fact]
    public async Task The_database_itself_refuses_two_overlapping_bookings_of_one_business_but_not_of_two()
    {
        var (businessId, owner, serviceId) = await BookableBusinessAsync();
        var (_, otherOwner, otherServiceId) = await BookableBusinessAsync();
        var start = (await SlotsAsync(owner, serviceId, Tomorrow))[0];
        await (await BookAsync(owner, serviceId, start)).JsonAsync(HttpStatusCode.Created);
        await (await BookAsync(otherOwner, otherServiceId, start)).JsonAsync(HttpStatusCode.Created);

        // Straight into the table, past every check of the app: the buffer (busy_until) counts too.
        string Insert(Guid business, Guid service, DateTimeOffset at, string status = "BOOKED") => $"""
            INSERT INTO bookings (id, business_id, service_id, starts_at, ends_at, busy_until, status, caller_name, cancel_token, created_at, updated_at)
            VALUES (gen_random_uuid(), '{business}', '{service}', '{at.UtcDateTime:O}', '{at.AddMinutes(60).UtcDateTime:O}', '{at.AddMinutes(75).UtcDateTime:O}',
                    '{status}', 'Sneaky', md5(random()::text), now(), now())
            """;
        var ex = await Assert.ThrowsAsync<PostgresException>(() => fx.Database.ExecuteAsync(Insert(businessId, serviceId, start.AddMinutes(70))));
        Assert.Equal("23P01", ex.SqlState);
        Assert.Equal("bookings_no_overlap", ex.ConstraintName);
        // A cancelled row never blocks, and the next free time after the buffer is fine.
        await fx.Database.ExecuteAsync(Insert(businessId, serviceId, start, "CANCELLED"));
        await fx.Database.ExecuteAsync(Insert(businessId, serviceId, start.AddMinutes(75)));
    }

    [Fact]
    public async Task Slots_skip_a_booked_time_and_moving_then_cancelling_the_booking_frees_it()
    {
        var (_, owner, serviceId) = await BookableBusinessAsync();
        var from = Tomorrow;
        var before = await SlotsAsync(owner, serviceId, from, 4);
        Assert.Equal(TimeSpan.FromMinutes(30), before[1] - before[0]);
        var booked = await (await BookAsync(owner, serviceId, before[0])).JsonAsync(HttpStatusCode.Created);
        var id = booked["id"]!.GetValue<Guid>();
        Assert.Equal("Repair visit", booked["serviceName"]!.GetValue<string>());
        Assert.Equal("+15552013344", booked["callerPhone"]!.GetValue<string>());
        Assert.Equal(before[0].AddMinutes(60), booked["endsAt"]!.GetValue<DateTimeOffset>());

        // 60 minutes plus 15 of buffer: the next three half hours are gone, the fourth is free.
        var during = await SlotsAsync(owner, serviceId, from, 2);
        Assert.Equal([before[0].AddMinutes(90), before[0].AddMinutes(120)], during);

        var later = before[0].AddHours(5);
        var moved = await (await owner.PutAsJsonAsync($"/api/admin/bookings/{id}", new { startsAt = later }, Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(later, moved["startsAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(before[0], (await SlotsAsync(owner, serviceId, from, 1))[0]);
        Assert.DoesNotContain(later, await SlotsAsync(owner, serviceId, later.AddMinutes(-30), 4));

        // Another booking cannot take the moved visit's time.
        var clash = await (await BookAsync(owner, serviceId, later.AddMinutes(30), "Someone else")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(Taken, clash["detail"]!.GetValue<string>());

        var cancelled = await (await owner.PostAsync($"/api/admin/bookings/{id}/cancel", null, Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("CANCELLED", cancelled["status"]!.GetValue<string>());
        Assert.Equal(later, (await SlotsAsync(owner, serviceId, later, 1))[0]);
        await (await BookAsync(owner, serviceId, later.AddMinutes(30), "Someone else")).JsonAsync(HttpStatusCode.Created);

        // Cancelling twice and moving a cancelled booking are conflicts with a clear word.
        Assert.Contains("already cancelled", (await (await owner.PostAsync($"/api/admin/bookings/{id}/cancel", null, Ct)).JsonAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await owner.PutAsJsonAsync($"/api/admin/bookings/{id}", new { startsAt = later.AddHours(3) }, Ct)).JsonAsync(HttpStatusCode.Conflict);

        var list = await (await owner.GetAsync($"/api/admin/bookings?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(from.AddDays(2).ToString("O"))}", Ct))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["CANCELLED", "BOOKED"], list.AsArray().Select(b => b!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Bookings_outside_the_rules_are_refused_with_a_problem_naming_the_start()
    {
        var (_, owner, serviceId) = await BookableBusinessAsync(maxPerDay: 1);
        var past = await (await BookAsync(owner, serviceId, DateTimeOffset.UtcNow.AddHours(-2))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("already passed", ApiClient.ErrorsFor(past, "startsAt").Single(), StringComparison.Ordinal);
        var far = await (await BookAsync(owner, serviceId, DateTimeOffset.UtcNow.AddDays(20))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("14 days ahead", ApiClient.ErrorsFor(far, "startsAt").Single(), StringComparison.Ordinal);

        // One a day: the first of a day is booked, a second that day is refused, and slots skip to the next day.
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var midnight = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, chicago).DateTime).AddDays(2);
        var day = await SlotsAsync(owner, serviceId, new DateTimeOffset(midnight.ToDateTime(TimeOnly.MinValue), chicago.GetUtcOffset(midnight.ToDateTime(TimeOnly.MinValue))), 1);
        Assert.Equal(TimeSpan.Zero, day[0].TimeOfDay);
        await (await BookAsync(owner, serviceId, day[0].AddHours(9))).JsonAsync(HttpStatusCode.Created);
        var full = await (await BookAsync(owner, serviceId, day[0].AddHours(13))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("most bookings", full["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var next = (await SlotsAsync(owner, serviceId, day[0], 1))[0];
        Assert.Equal(day[0].Date.AddDays(1), next.Date);
        Assert.Equal(TimeSpan.Zero, next.TimeOfDay);

        // Opening hours come from /api/admin/hours: a business with none takes no bookings.
        var (_, closedOwner, _) = await fx.CreateBusinessAsync("BASIC");
        var closedService = await (await closedOwner.PostAsJsonAsync("/api/admin/services", new { name = "Estimate", durationMinutes = 30 }, Ct)).JsonAsync(HttpStatusCode.Created);
        var closed = await (await BookAsync(closedOwner, closedService["id"]!.GetValue<Guid>(), Tomorrow)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("business hours", closed["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await (await closedOwner.GetAsync($"/api/admin/availability/slots?serviceId={closedService["id"]}", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray());
        Assert.False((await (await closedOwner.GetAsync("/api/admin/availability", Ct)).JsonAsync(HttpStatusCode.OK))["hoursSet"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_that_name_the_field()
    {
        var (_, owner, serviceId) = await BookableBusinessAsync();
        async Task<JsonNode> BadAsync(HttpResponseMessage response) => await response.JsonAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(ApiClient.ErrorsFor(await BadAsync(await owner.PostAsJsonAsync("/api/admin/services", new { name = "Odd", durationMinutes = 7 }, Ct)), "durationMinutes"));
        Assert.NotEmpty(ApiClient.ErrorsFor(await BadAsync(await owner.PostAsJsonAsync("/api/admin/services", new { name = "", durationMinutes = 30 }, Ct)), "name"));
        Assert.NotEmpty(ApiClient.ErrorsFor(await BadAsync(await owner.PostAsJsonAsync("/api/admin/services", new { name = "Long", durationMinutes = 30, bufferMinutes = 500 }, Ct)), "bufferMinutes"));
        Assert.NotEmpty(ApiClient.ErrorsFor(await BadAsync(await owner.PutAsJsonAsync("/api/admin/availability", new { minimumNoticeHours = 2, horizonDays = 14, maxPerDay = 0 }, Ct)), "maxPerDay"));
        Assert.NotEmpty(ApiClient.ErrorsFor(await BadAsync(await owner.PutAsJsonAsync("/api/admin/availability", new { minimumNoticeHours = -1, horizonDays = 14 }, Ct)), "minimumNoticeHours"));
        Assert.NotEmpty(ApiClient.ErrorsFor(await BadAsync(await owner.PostAsJsonAsync("/api/admin/bookings", new { serviceId, startsAt = Tomorrow }, Ct)), "callerName"));
        Assert.NotEmpty(ApiClient.ErrorsFor(await BadAsync(await owner.PostAsJsonAsync("/api/admin/bookings", new { serviceId, startsAt = Tomorrow, callerName = "Ann", callerPhone = "call me" }, Ct)), "callerPhone"));
        Assert.NotEmpty(ApiClient.ErrorsFor(await BadAsync(await owner.PostAsJsonAsync("/api/admin/bookings", new { callerName = "Ann", startsAt = Tomorrow }, Ct)), "serviceId"));
        Assert.NotEmpty(ApiClient.ErrorsFor(await BadAsync(await owner.PostAsJsonAsync("/api/admin/bookings", new { serviceId = Guid.NewGuid(), startsAt = Tomorrow, callerName = "Ann" }, Ct)), "serviceId"));
        Assert.NotEmpty(ApiClient.ErrorsFor(await BadAsync(await owner.GetAsync($"/api/admin/availability/slots?serviceId={serviceId}&count=99", Ct)), "count"));
        Assert.NotEmpty(ApiClient.ErrorsFor(await BadAsync(await owner.GetAsync("/api/admin/availability/slots", Ct)), "serviceId"));
        await BadAsync(await owner.SendJsonAsync(HttpMethod.Post, "/api/admin/bookings", "{\"serviceId\": \"not a guid\"}"));
        await (await owner.PostAsJsonAsync("/api/admin/services", new { name = "repair VISIT", durationMinutes = 30 }, Ct)).JsonAsync(HttpStatusCode.Conflict);

        // A service with bookings is switched off rather than deleted; one without goes.
        await (await BookAsync(owner, serviceId, (await SlotsAsync(owner, serviceId, Tomorrow, 1))[0])).JsonAsync(HttpStatusCode.Created);
        Assert.Contains("switch it off", (await (await owner.DeleteAsync($"/api/admin/services/{serviceId}", Ct)).JsonAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var off = await (await owner.PutAsJsonAsync($"/api/admin/services/{serviceId}", new { name = "Repair visit", durationMinutes = 60, bufferMinutes = 15, active = false }, Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.False(off["active"]!.GetValue<bool>());
        Assert.Contains("switched off", (await BadAsync(await BookAsync(owner, serviceId, Tomorrow.AddDays(2))))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var spare = await (await owner.PostAsJsonAsync("/api/admin/services", new { name = "Estimate", durationMinutes = 30 }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/admin/services/{spare["id"]}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_free_business_gets_the_plan_upgrade_body()
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("FREE");
        var responses = new[]
        {
            await owner.GetAsync("/api/admin/services", Ct),
            await owner.PostAsJsonAsync("/api/admin/services", new { name = "Visit", durationMinutes = 60 }, Ct),
            await owner.GetAsync("/api/admin/availability", Ct),
            await owner.GetAsync($"/api/admin/availability/slots?serviceId={Guid.NewGuid()}", Ct),
            await owner.GetAsync("/api/admin/bookings", Ct),
            await owner.PostAsJsonAsync("/api/admin/bookings", new { serviceId = Guid.NewGuid(), startsAt = Tomorrow, callerName = "Ann" }, Ct),
        };
        foreach (var response in responses)
        {
            var body = await response.JsonAsync(HttpStatusCode.Forbidden);
            Assert.Equal("BASIC", body["requiredPlan"]!.GetValue<string>());
            Assert.Equal("FREE", body["currentPlan"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task One_business_never_sees_or_touches_another_business_services_or_bookings()
    {
        var (_, owner, serviceId) = await BookableBusinessAsync();
        var (_, intruder, intruderService) = await BookableBusinessAsync();
        var start = (await SlotsAsync(owner, serviceId, Tomorrow, 1))[0];
        var booking = await (await BookAsync(owner, serviceId, start)).JsonAsync(HttpStatusCode.Created);
        var id = booking["id"]!.GetValue<Guid>();

        var theirServices = await (await intruder.GetAsync("/api/admin/services", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([intruderService], theirServices.AsArray().Select(s => s!["id"]!.GetValue<Guid>()));
        Assert.Empty((await (await intruder.GetAsync("/api/admin/bookings", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray());
        await (await intruder.PutAsJsonAsync($"/api/admin/bookings/{id}", new { startsAt = start.AddHours(4) }, Ct)).JsonAsync(HttpStatusCode.NotFound);
        await (await intruder.PostAsync($"/api/admin/bookings/{id}/cancel", null, Ct)).JsonAsync(HttpStatusCode.NotFound);
        await (await intruder.PutAsJsonAsync($"/api/admin/services/{serviceId}", new { name = "Mine now", durationMinutes = 30 }, Ct)).JsonAsync(HttpStatusCode.NotFound);
        await (await intruder.DeleteAsync($"/api/admin/services/{serviceId}", Ct)).JsonAsync(HttpStatusCode.NotFound);
        await (await intruder.GetAsync($"/api/admin/availability/slots?serviceId={serviceId}", Ct)).JsonAsync(HttpStatusCode.NotFound);
        await (await BookAsync(intruder, serviceId, start.AddDays(1))).JsonAsync(HttpStatusCode.BadRequest);
        // The other business's calendar is its own: the same time is free for the intruder's service.
        await (await BookAsync(intruder, intruderService, start)).JsonAsync(HttpStatusCode.Created);

        var mine = await (await owner.GetAsync("/api/admin/bookings", Ct)).JsonAsync(HttpStatusCode.OK);
        var only = Assert.Single(mine.AsArray());
        Assert.Equal("BOOKED", only!["status"]!.GetValue<string>());
        Assert.Equal(start, only["startsAt"]!.GetValue<DateTimeOffset>());
    }
}

/// <summary>The demo PRO business (`./run --seed-demo`) ships with services and booking rules, so its slots are real.</summary>
public class BookingDemoDataTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Acme_has_a_repair_visit_and_a_free_estimate_with_two_hours_notice_and_six_a_day()
    {
        await using (var scope = fx.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<LeadsAgent.Infrastructure.Tenancy.TenantScope>().AcrossBusinesses("test: demo data");
            await scope.ServiceProvider.GetRequiredService<LeadsAgent.Infrastructure.Persistence.DemoData>().SeedAsync(Ct);
        }

        var acme = LeadsAgent.Infrastructure.Persistence.DemoData.Acme;
        var owner = fx.App.CreateClient().WithToken(await ApiClient.LoginAsync(fx.App.CreateClient(), acme.Email, acme.Password));
        var services = (await (await owner.GetAsync("/api/admin/services", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray();
        Assert.Equal(["Repair visit 60+15", "Free estimate 30+0"],
            services.Select(s => $"{s!["name"]} {s["durationMinutes"]}+{s["bufferMinutes"]}"));
        var rules = await (await owner.GetAsync("/api/admin/availability", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((2, 14, 6, "America/Chicago", true), (rules["minimumNoticeHours"]!.GetValue<int>(), rules["horizonDays"]!.GetValue<int>(),
            rules["maxPerDay"]!.GetValue<int>(), rules["timeZone"]!.GetValue<string>(), rules["hoursSet"]!.GetValue<bool>()));

        var slots = (await (await owner.GetAsync($"/api/admin/availability/slots?serviceId={services[0]!["id"]}&count=3", Ct)).JsonAsync(HttpStatusCode.OK)).AsArray();
        Assert.Equal(3, slots.Count);
        foreach (var slot in slots)
        {
            // Inside Acme's hours (weekdays 8-17, Saturday 9-13), in its zone, at least two hours from now.
            var start = slot!["startsAt"]!.GetValue<DateTimeOffset>();
            Assert.True(start >= DateTimeOffset.UtcNow.AddHours(2).AddMinutes(-1));
            Assert.NotEqual(DayOfWeek.Sunday, start.DayOfWeek);
            Assert.InRange(start.Hour, start.DayOfWeek == DayOfWeek.Saturday ? 9 : 8, start.DayOfWeek == DayOfWeek.Saturday ? 12 : 16);
            Assert.Contains(start.Minute, new[] { 0, 30 });
        }
    }
}
