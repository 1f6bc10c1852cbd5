using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace LeadsAgent.Tests.Integration.Booking;

/// <summary>
/// The agent books visits (issue 19) through the real chat API and the signed Twilio webhooks, on an injected clock set
/// to a Monday at 7 a.m. in Chicago: the caller hears real free times, picks one in their own words and a booking row
/// holds it; emergencies and FREE businesses are never offered times; two callers racing for one time book it once.
/// </summary>
public class AgentBookingTests(AgentBookingTests.Fixture fx) : IClassFixture<AgentBookingTests.Fixture>
{
    const string Token = "test-auth-token";
    const string PublicBase = "https://voice.example.test";
    static readonly TimeZoneInfo s_chicago = BusinessHours.Zone("America/Chicago");

    public sealed class Fixture : PlatformFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
        public FakeHttpServer Twilio { get; private set; } = null!;

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "ACtest00000000000000000000000000",
            ["Twilio:AuthToken"] = Token,
            ["Twilio:WebhookBaseUrl"] = PublicBase,
            ["Twilio:ApiBaseUrl"] = Twilio.BaseUrl,
            ["Notifications:PollSeconds"] = "3600",
            ["Sessions:SweepSeconds"] = "3600",
            ["Chat:BurstPerClient"] = "1000",
        };

        protected override void ConfigureApp(AppFactory app) => app.TestServices = services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));

        public override async ValueTask InitializeAsync()
        {
            Twilio = await FakeHttpServer.StartAsync(async (req, ctx) =>
            {
                ctx.Response.StatusCode = 201;
                await ctx.Response.WriteAsJsonAsync(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued" });
            });
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Twilio.DisposeAsync();
        }
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A plumber in Chicago open Monday to Friday 8 to 5, two hours' notice, with a 60-minute repair visit (15 minutes'
    /// buffer), set up on an injected clock standing at the next Monday, 7 a.m. in Chicago.
    /// </summary>
    async Task<(Guid Id, string Number, DateOnly Monday)> BookableBusinessAsync(string plan = "BASIC")
    {
        // The clock moves first (to the next Monday at 7 a.m. in Chicago), so every sign-in below is on the injected time.
        var local = TimeZoneInfo.ConvertTime(fx.Clock.GetUtcNow(), s_chicago).Date.AddDays(1);
        while (local.DayOfWeek != DayOfWeek.Monday)
        {
            local = local.AddDays(1);
        }

        fx.Clock.SetUtcNow(TimeZoneInfo.ConvertTimeToUtc(local.AddHours(7), s_chicago));
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var admin = fx.App.CreateClient().WithToken(await ApiClient.LoginAsync(fx.App.CreateClient(), AppFactory.AdminEmail, AppFactory.AdminPassword));
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var created = await (await admin.PostAsJsonAsync("/api/platform/businesses", new
        {
            name = $"Test plumber {plan}", businessType = "PLUMBING", planTier = plan, twilioPhoneNumber = number, ownerEmail = email, ownerPassword = "Owner-password-1",
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        var owner = fx.App.CreateClient().WithToken(await ApiClient.LoginAsync(fx.App.CreateClient(), email, "Owner-password-1"));
        (await owner.PutAsJsonAsync("/api/admin/business", new { timeZone = "America/Chicago", twilioPhoneNumber = number }, Ct)).EnsureSuccessStatusCode();
        var week = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(d => new { day = d, ranges = new[] { new { from = "08:00", to = "17:00" } } }).ToArray();
        (await owner.PutAsJsonAsync("/api/admin/hours", new { week }, Ct)).EnsureSuccessStatusCode();
        if (plan == "FREE")
        {
            // A FREE business cannot add services; one left from a paid plan must not be offered either.
            await fx.Database.ExecuteAsync($"""
                INSERT INTO bookable_services (id, business_id, name, duration_minutes, buffer_minutes, active, created_at, updated_at)
                VALUES (gen_random_uuid(), '{id}', 'Repair visit', 60, 15, true, now(), now())
                """);
        }
        else
        {
            await (await owner.PutAsJsonAsync("/api/admin/availability", new { minimumNoticeHours = 2, horizonDays = 14 }, Ct)).JsonAsync(HttpStatusCode.OK);
            await (await owner.PostAsJsonAsync("/api/admin/services", new { name = "Repair visit", durationMinutes = 60, bufferMinutes = 15 }, Ct))
                .JsonAsync(HttpStatusCode.Created);
        }

        return (id, number, DateOnly.FromDateTime(local));
    }

    static async Task<JsonNode> ChatAsync(HttpClient http, Guid businessId, string? sessionId, string message) =>
        await (await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId, message }, Ct)).JsonAsync(HttpStatusCode.OK);

    /// <summary>A chat that answers every question of a plumber; returns the session and the agent's last reply.</summary>
    static async Task<(string SessionId, string Reply)> ChatToTheEndAsync(HttpClient http, Guid businessId, string problem, string name = "Dana Scully")
    {
        var sessionId = (await ChatAsync(http, businessId, null, problem))["sessionId"]!.GetValue<string>();
        await ChatAsync(http, businessId, sessionId, name);
        await ChatAsync(http, businessId, sessionId, "(555) 242-1313");
        await ChatAsync(http, businessId, sessionId, "42 Oak Street, Springfield");
        var last = await ChatAsync(http, businessId, sessionId, "dana@example.com");
        Assert.True(last["leadCaptured"]!.GetValue<bool>());
        return (sessionId, last["reply"]!.GetValue<string>());
    }

    static string Day(DateOnly date) => $"{date.DayOfWeek} {date.Day} {date.ToString("MMMM", CultureInfo.InvariantCulture)}";

    Task<string> BookingsAsync(Guid businessId) => fx.Database.ScalarAsync<string>($"""
        SELECT coalesce(string_agg(to_char(b.starts_at AT TIME ZONE 'America/Chicago', 'YYYY-MM-DD HH24:MI') || '|' || b.caller_name || '|'
            || coalesce(b.caller_phone, '') || '|' || (b.lead_id = l.id)::text, ';' ORDER BY b.starts_at), '')
        FROM bookings b LEFT JOIN leads l ON l.id = b.lead_id WHERE b.business_id = '{businessId}' AND b.status = 'BOOKED'
        """);

    [Fact]
    public async Task A_chat_ends_booked_at_the_time_the_visitor_chose_in_their_own_words()
    {
        var (businessId, _, monday) = await BookableBusinessAsync();
        var http = fx.Anonymous();
        var (sessionId, offer) = await ChatToTheEndAsync(http, businessId, "My kitchen sink is clogged");

        Assert.EndsWith("I can book your repair visit right now: I have today at 9 a.m., tomorrow at 8 a.m. or Wednesday at 8 a.m. Which suits you best?",
            offer, StringComparison.Ordinal);
        // The request is a lead already, before any time is chosen.
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM leads WHERE session_id = '{sessionId}'"));

        var narrowed = await ChatAsync(http, businessId, sessionId, "anything after 3?");
        Assert.Equal("I can do today at 3 p.m., tomorrow at 3 p.m. or Wednesday at 3 p.m. Which suits you best?", narrowed["reply"]!.GetValue<string>());

        var booked = await ChatAsync(http, businessId, sessionId, "the second one");
        Assert.Equal($"Booked: your repair visit on {Day(monday.AddDays(1))} at 3 p.m. You'll get a confirmation.", booked["reply"]!.GetValue<string>());
        Assert.Equal($"{monday.AddDays(1):yyyy-MM-dd} 15:00|Dana Scully|+15552421313|true", await BookingsAsync(businessId));

        // The visitor's thanks ends the chat; the transcript keeps the confirmation.
        await ChatAsync(http, businessId, sessionId, "great, thank you!");
        Assert.Contains("Booked: your repair visit", await fx.Database.ScalarAsync<string>(
            $"SELECT messages::text FROM conversations WHERE session_id = '{sessionId}'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_call_ends_booked_at_the_day_and_time_the_caller_named()
    {
        var (businessId, number, monday) = await BookableBusinessAsync("PRO");
        var caller = new TwilioCaller(fx.Anonymous(), Token, PublicBase, "+15556667777", number);
        await caller.DialAsync();
        await caller.SayAsync("hi i'd like a quote to replace my old water heater");
        await caller.SayAsync("my name is bob smith");
        await caller.SayAsync("yes");
        await caller.SayAsync("42 elm street springfield");
        await caller.SayAsync("bob at example dot com");
        Assert.False(caller.HungUp);
        Assert.True(caller.LastSaid.Contains("today at 9 a.m., tomorrow at 8 a.m. or Wednesday at 8 a.m. Which suits you best?", StringComparison.Ordinal),
            string.Join(" | ", caller.Heard));

        await caller.SayAsync("thursday at 1 pm");

        Assert.True(caller.HungUp);
        Assert.StartsWith($"Booked: your repair visit on {Day(monday.AddDays(3))} at 1 p.m. You'll get a confirmation.", caller.LastSaid, StringComparison.Ordinal);
        Assert.Equal($"{monday.AddDays(3):yyyy-MM-dd} 13:00|bob smith|+15556667777|true", (await BookingsAsync(businessId)).Replace("Bob Smith", "bob smith", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_emergency_is_never_offered_a_time()
    {
        var (businessId, _, _) = await BookableBusinessAsync();
        var http = fx.Anonymous();
        var sessionId = (await ChatAsync(http, businessId, null, "A pipe burst and water is flooding my basement!"))["sessionId"]!.GetValue<string>();
        JsonNode reply = null!;
        foreach (var answer in new[] { "Dana Scully", "(555) 242-1313", "42 Oak Street, Springfield", "dana@example.com" })
        {
            reply = await ChatAsync(http, businessId, sessionId, answer);
            if (reply["leadCaptured"]!.GetValue<bool>())
            {
                break;
            }
        }

        Assert.True(reply["leadCaptured"]!.GetValue<bool>());
        Assert.DoesNotContain("book", reply["reply"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("URGENT", await fx.Database.ScalarAsync<string>($"SELECT priority FROM leads WHERE session_id = '{sessionId}'"));
        var next = await ChatAsync(http, businessId, sessionId, "the first one");
        Assert.DoesNotContain("Booked", next["reply"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("", await BookingsAsync(businessId));
    }

    [Fact]
    public async Task A_free_business_is_never_offered_a_time()
    {
        var (businessId, _, _) = await BookableBusinessAsync("FREE");
        var (_, reply) = await ChatToTheEndAsync(fx.Anonymous(), businessId, "My kitchen sink is clogged");

        Assert.DoesNotContain("book", reply, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("Someone from our team will be in touch shortly.", reply, StringComparison.Ordinal);
        Assert.Equal("", await BookingsAsync(businessId));
    }

    [Fact]
    public async Task Two_visitors_choosing_the_same_time_at_once_book_it_once_and_the_other_hears_it_was_just_taken()
    {
        var (businessId, _, monday) = await BookableBusinessAsync();
        var first = await ChatToTheEndAsync(fx.Anonymous(), businessId, "My kitchen sink is clogged", "Dana Scully");
        var second = await ChatToTheEndAsync(fx.Anonymous(), businessId, "The toilet keeps running", "Fox Mulder");
        Assert.Contains("today at 9 a.m.", second.Reply, StringComparison.Ordinal);

        var replies = await Task.WhenAll(
            ChatAsync(fx.Anonymous(), businessId, first.SessionId, "the first one"),
            ChatAsync(fx.Anonymous(), businessId, second.SessionId, "the first one"));

        var texts = replies.Select(r => r["reply"]!.GetValue<string>()).ToList();
        Assert.Single(texts, t => t.StartsWith($"Booked: your repair visit on {Day(monday)} at 9 a.m.", StringComparison.Ordinal));
        Assert.Single(texts, t => t == "Sorry, today at 9 a.m. was just taken. I can do today at 10:30 a.m., tomorrow at 8 a.m. or Wednesday at 8 a.m. instead. Which suits you best?");
        var bookings = await BookingsAsync(businessId);
        Assert.Single(bookings.Split(';'));
        Assert.StartsWith($"{monday:yyyy-MM-dd} 09:00|", bookings, StringComparison.Ordinal);

        // The one who lost the race books one of the times offered instead.
        var loser = texts[0].StartsWith("Booked", StringComparison.Ordinal) ? second.SessionId : first.SessionId;
        var rebooked = await ChatAsync(fx.Anonymous(), businessId, loser, "tomorrow");
        Assert.Equal($"Booked: your repair visit on {Day(monday.AddDays(1))} at 8 a.m. You'll get a confirmation.", rebooked["reply"]!.GetValue<string>());
        Assert.Equal(2, (await BookingsAsync(businessId)).Split(';').Length);
    }
}

/// <summary>The demo PRO business (`./run --seed-demo`): a chat about a non-urgent job ends with a booked repair visit.</summary>
public class AgentBookingDemoTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_demo_chat_with_acme_about_a_dripping_tap_ends_booked()
    {
        await using (var scope = fx.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<LeadsAgent.Infrastructure.Tenancy.TenantScope>().AcrossBusinesses("test: demo data");
            await scope.ServiceProvider.GetRequiredService<LeadsAgent.Infrastructure.Persistence.DemoData>().SeedAsync(Ct);
        }

        var acme = await fx.Database.ScalarAsync<Guid>("SELECT id FROM businesses WHERE name = 'Acme Plumbing & Heating'");
        var http = fx.Anonymous();
        async Task<string> SayAsync(string? session, string message) =>
            (await (await http.PostAsJsonAsync("/api/chat", new { businessId = acme, sessionId = session, message }, Ct)).JsonAsync(HttpStatusCode.OK)).ToJsonString();

        var first = JsonNode.Parse(await SayAsync(null, "My bathroom tap has been dripping for a week"))!;
        var sessionId = first["sessionId"]!.GetValue<string>();
        string reply = "";
        foreach (var answer in new[] { "Walter White", "(555) 308-1958", "308 Negra Arroyo Lane, Springfield", "next week", "walter@example.com", "Google" })
        {
            reply = JsonNode.Parse(await SayAsync(sessionId, answer))!["reply"]!.GetValue<string>();
            if (reply.Contains("Which suits you best?", StringComparison.Ordinal))
            {
                break;
            }
        }

        Assert.Contains("I can book your repair visit right now: I have ", reply, StringComparison.Ordinal);
        var booked = JsonNode.Parse(await SayAsync(sessionId, "the first one"))!["reply"]!.GetValue<string>();
        Assert.StartsWith("Booked: your repair visit on ", booked, StringComparison.Ordinal);
        Assert.Equal("Walter White|Repair visit", await fx.Database.ScalarAsync<string>(
            $"SELECT b.caller_name || '|' || s.name FROM bookings b JOIN bookable_services s ON s.id = b.service_id JOIN leads l ON l.id = b.lead_id WHERE l.session_id = '{sessionId}'"));
    }
}
