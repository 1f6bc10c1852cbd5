using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Application.Analytics;
using LeadsAgent.Web.Application.Display;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>Tenancy fails closed: no business means no rows, widening is explicit, and raw SQL keeps to its business.</summary>
public class TenantScopeTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task Work_that_names_no_business_sees_no_rows_until_it_says_whose_or_asks_for_all()
    {
        var (idA, _, _) = await fx.CreateBusinessAsync("BASIC");
        var (idB, _, _) = await fx.CreateBusinessAsync("BASIC");
        var leadOfA = await LeadSeeder.InsertAsync(fx.Database, idA);
        await LeadSeeder.InsertAsync(fx.Database, idB);
        var ct = TestContext.Current.CancellationToken;

        await using (var scope = fx.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LeadsDbContext>();
            Assert.Equal(0, await db.Leads.CountAsync(ct));
            Assert.Equal(0, await db.Businesses.CountAsync(ct));
            Assert.Equal(0, await db.Questions.CountAsync(ct));
        }

        await using (var scope = fx.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.DbForBusiness(idA);
            Assert.Equal([leadOfA], await db.Leads.Select(l => l.Id).ToListAsync(ct));
            Assert.Equal([idA], await db.Businesses.Select(b => b.Id).ToListAsync(ct));
        }

        await using (var scope = fx.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.DbAcrossBusinesses("test: every business");
            Assert.Equal(2, await db.Leads.CountAsync(l => l.BusinessId == idA || l.BusinessId == idB, ct));
        }
    }

    [Fact]
    public async Task Analytics_sql_counts_only_the_business_it_is_asked_about()
    {
        var (idA, _, _) = await fx.CreateBusinessAsync("PRO");
        var (idB, _, _) = await fx.CreateBusinessAsync("PRO");
        await LeadSeeder.InsertAsync(fx.Database, idA, "URGENT");
        for (var i = 0; i < 3; i++)
        {
            var lead = await LeadSeeder.InsertAsync(fx.Database, idB, "URGENT");
            await fx.Database.ExecuteAsync($"""
                INSERT INTO conversations (id, business_id, session_id, channel, messages, analytics, status, started_at, ended_at, lead_id)
                VALUES ('{Guid.CreateVersion7()}', '{idB}', 'b-{Guid.NewGuid():N}', 'CHAT', '[]', '{"{}"}', 'COMPLETED', now(), now(), '{lead}')
                """);
        }

        var analytics = fx.App.Services.GetRequiredService<AnalyticsQueries>();
        var clock = new BusinessClock("America/New_York", TimeProvider.System);
        var a = await analytics.ReportAsync(idA, clock, 7, TestContext.Current.CancellationToken);
        Assert.Equal(0, a.Conversations);
        Assert.Equal(0, a.Leads);
        Assert.Equal(0, a.Emergencies);
        Assert.Equal(1, a.LeadsStillInConversation); // its own lead, with no conversation row: B's rows are not it
        Assert.Equal(0, a.PerDay.Sum(d => d.Conversations));
        var b = await analytics.ReportAsync(idB, clock, 7, TestContext.Current.CancellationToken);
        Assert.Equal((3, 3, 3, 0), (b.Conversations, b.Leads, b.Emergencies, b.LeadsStillInConversation));
    }

    [Fact]
    public async Task A_knowledge_gap_is_counted_for_its_own_business_only()
    {
        var (idA, _, _) = await fx.CreateBusinessAsync("PRO");
        var (idB, _, _) = await fx.CreateBusinessAsync("PRO");
        var gaps = fx.App.Services.GetRequiredService<KnowledgeGapRecorder>();
        await gaps.RecordAsync(idA, "Do you fix pool pumps?", null, TestContext.Current.CancellationToken);
        await gaps.RecordAsync(idB, "Do you fix pool pumps?", null, TestContext.Current.CancellationToken);
        await gaps.RecordAsync(idB, "do you fix pool pumps", null, TestContext.Current.CancellationToken);

        Assert.Equal(1, await fx.Database.ScalarAsync<int>($"SELECT ask_count FROM knowledge_gaps WHERE business_id = '{idA}'"));
        Assert.Equal(2, await fx.Database.ScalarAsync<int>($"SELECT ask_count FROM knowledge_gaps WHERE business_id = '{idB}'"));
    }

    [Fact]
    public async Task Every_endpoint_requires_a_signed_in_user_unless_it_says_it_is_public()
    {
        // The fallback policy: an endpoint or page that forgets its attribute is closed, not open.
        var policies = fx.App.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var fallback = await policies.GetFallbackPolicyAsync();
        Assert.NotNull(fallback);
        Assert.Contains(fallback!.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);

        // The public surface, listed on purpose: anything else anonymous is a mistake.
        string[] publicRoutes =
        [
            "/health", "/health/live", "/health/ready", "/api/auth/login", "/api/auth/refresh", "/api/chat", "/api/widget/config/{businessId}",
            "/api/voice/incoming", "/api/voice/gather", "/api/voice/action", "/api/voice/status", "/api/voice/recording",
            "/api/voice/alert/answer", "/api/voice/alert/status", "/api/voice/health", "/api/bench/baseline",
            // Issue 18's Twilio webhooks, all signed: ring-owner-first, call recording, the warm transfer's legs, texts.
            "/api/voice/owner-dial", "/api/voice/call-recording", "/api/voice/whisper", "/api/voice/whisper-answer", "/api/voice/transfer-result",
            "/api/sms/incoming", "/api/sms/status",
            // Issue 20's ConversationRelay: the WebSocket upgrade and the session's action URL, both signed by Twilio.
            "/api/voice/relay", "/api/voice/relay-action",
            "/login", "/access-denied", "/demo/{BusinessId:guid}", "/not-found", "/error",
            // A password reset link is opened signed out: the page and its API check the one-time token instead.
            "/reset-password", "/api/auth/reset-password",
            // Calendar apps fetch the private booking feed without signing in: its unguessable token is the key.
            "/calendar/{token}.ics",
            // A caller's own booking page (see, cancel, move) from the link in their confirmation: the booking's token is the key.
            "/b/{Token}",
        ];
        var anonymous = fx.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .ToList();
        Assert.All(anonymous, route => Assert.Contains(route, publicRoutes));
    }
}
