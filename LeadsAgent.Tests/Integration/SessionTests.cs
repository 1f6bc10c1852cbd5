using System.Collections.Concurrent;
using System.Net;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Conversations;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Infrastructure.Redis;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>Sessions on the real Redis and PostgreSQL, across two app instances.</summary>
public class SessionTests(SessionTests.TwoInstances fx) : IClassFixture<SessionTests.TwoInstances>
{
    /// <summary>Instance A (the fixture's app) and instance B: the same database and Redis, separate processes' worth of state.</summary>
    public sealed class TwoInstances : PlatformFixture
    {
        public AppFactory B { get; private set; } = null!;

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?> { ["Sessions:SweepSeconds"] = "3600" };

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            B = new AppFactory(Database, Overrides);
            _ = B.Services;
        }

        public override async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    static ConversationService Conversations(AppFactory app) => app.Services.GetRequiredService<ConversationService>();

    async Task<BusinessProfile> ProfileAsync(string plan = "PRO")
    {
        var (id, _, _) = await fx.CreateBusinessAsync(plan, twilioNumber: $"+1555{Random.Shared.Next(1000000, 9999999)}");
        await fx.Database.ExecuteAsync($"UPDATE businesses SET notification_phone_number = '+15550001111' WHERE id = '{id}'");
        return (await fx.App.Services.GetRequiredService<BusinessDirectory>().GetAsync(id, TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task A_session_continues_across_two_instances_and_its_lead_is_stored_with_its_outbox_rows()
    {
        var profile = await ProfileAsync();
        var id = "chat-" + Guid.NewGuid();
        var ct = TestContext.Current.CancellationToken;

        await Conversations(fx.App).StartAsync(profile, Channel.CHAT, id, new Dictionary<string, string>(), null, ct);
        var first = await Conversations(fx.B).TurnAsync(id, "Help, a pipe burst and the kitchen is flooding", null, ct);
        var second = await Conversations(fx.App).TurnAsync(id, "Maria Lopez", null, ct);
        var third = await Conversations(fx.B).TurnAsync(id, "555 010 2233", null, ct);
        var last = await Conversations(fx.App).TurnAsync(id, "12 Oak Street, Springfield", null, ct);

        Assert.Contains("name", first!.Result.Reply, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(last!.LeadId);
        Assert.True(last.LeadCreated);
        var session = await fx.B.Services.GetRequiredService<ISessionStore>().GetAsync(id, ct);
        Assert.Equal(9, session!.History.Count);
        Assert.Equal(LeadPriority.URGENT, session.Priority);
        Assert.Equal("URGENT", await fx.Database.ScalarAsync<string>($"SELECT priority FROM leads WHERE id = '{last.LeadId}'"));
        Assert.Equal("OWNER_ALERT_CALL,OWNER_EMAIL", await fx.Database.ScalarAsync<string>($"SELECT string_agg(kind, ',' ORDER BY kind) FROM notifications WHERE lead_id = '{last.LeadId}'"));
        Assert.Equal(4, session.Timings.Count);
    }

    [Fact]
    public async Task Idle_session_copies_leave_memory_and_the_conversation_goes_on_from_redis()
    {
        var profile = await ProfileAsync();
        var id = "chat-" + Guid.NewGuid();
        var ct = TestContext.Current.CancellationToken;
        var store = (RedisSessionStore)fx.App.Services.GetRequiredService<ISessionStore>();
        await Conversations(fx.App).StartAsync(profile, Channel.CHAT, id, new Dictionary<string, string>(), null, ct);
        await Conversations(fx.App).TurnAsync(id, "Help, a pipe burst and the kitchen is flooding", null, ct);

        Assert.Equal(0, store.ForgetIdleCopies(TimeSpan.FromMinutes(5)));
        var before = store.Health.LocalSessions;
        Assert.True(store.ForgetIdleCopies(TimeSpan.Zero) >= 1);
        Assert.True(store.Health.LocalSessions < before);

        var next = await Conversations(fx.App).TurnAsync(id, "Maria Lopez", null, ct);
        Assert.NotNull(next);
        Assert.Equal(5, next.Session.History.Count);
        Assert.Equal("Maria Lopez", next.Session.History[^2].Content);
        Assert.True(next.Session.EmergencyDetected, "what the first turn learned is still there");
    }

    [Fact]
    public async Task Concurrent_updates_to_one_session_lose_nothing()
    {
        var profile = await ProfileAsync();
        var id = "race-" + Guid.NewGuid();
        var ct = TestContext.Current.CancellationToken;
        await Conversations(fx.App).StartAsync(profile, Channel.CHAT, id, new Dictionary<string, string>(), null, ct);
        var stores = new[] { fx.App.Services.GetRequiredService<ISessionStore>(), fx.B.Services.GetRequiredService<ISessionStore>() };

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => stores[i % 2].UpdateAsync(id, s =>
        {
            s.Metadata["writer-" + i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult(true);
        }, ct), ct)));

        var session = await stores[0].GetAsync(id, ct);
        Assert.Equal(40, session!.Metadata.Keys.Count(k => k.StartsWith("writer-", StringComparison.Ordinal)));
        Assert.Equal(42, session.Version);
    }

    [Fact]
    public async Task An_ended_session_is_persisted_once_and_a_swept_one_becomes_abandoned_with_a_partial_lead()
    {
        var profile = await ProfileAsync();
        var ct = TestContext.Current.CancellationToken;
        var ended = "end-" + Guid.NewGuid();
        await Conversations(fx.App).StartAsync(profile, Channel.CHAT, ended, new Dictionary<string, string>(), null, ct);
        await Conversations(fx.App).TurnAsync(ended, "what are your hours?", null, ct);
        Assert.True(await Conversations(fx.App).EndAsync(ended, ConversationStatus.COMPLETED, ct));
        Assert.False(await Conversations(fx.B).EndAsync(ended, ConversationStatus.COMPLETED, ct));
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM conversations WHERE session_id = '{ended}'"));

        var idle = "idle-" + Guid.NewGuid();
        await Conversations(fx.App).StartAsync(profile, Channel.CHAT, idle, new Dictionary<string, string>(), null, ct);
        await Conversations(fx.App).TurnAsync(idle, "my water heater is leaking, call me at 555 777 1212", null, ct);
        await fx.App.Services.GetRequiredService<ISessionStore>().UpdateAsync(idle, s =>
        {
            s.LastActivityAt = DateTimeOffset.UtcNow.AddHours(-2);
            return Task.FromResult(true);
        }, ct);

        await fx.App.Services.GetRequiredService<SessionMaintenanceWorker>().SweepAsync(ct);
        await fx.B.Services.GetRequiredService<SessionMaintenanceWorker>().SweepAsync(ct);

        Assert.Equal("ABANDONED", await fx.Database.ScalarAsync<string>($"SELECT status FROM conversations WHERE session_id = '{idle}'"));
        Assert.Equal(1L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM conversations WHERE session_id = '{idle}'"));
        Assert.Equal("+15557771212", await fx.Database.ScalarAsync<string>($"SELECT contact_phone FROM leads WHERE session_id = '{idle}'"));
        Assert.StartsWith("(partial", await fx.Database.ScalarAsync<string>($"SELECT notes FROM leads WHERE session_id = '{idle}'"), StringComparison.Ordinal);
        Assert.DoesNotContain(idle, await fx.App.Services.GetRequiredService<ISessionStore>().ActiveIdsAsync(ct));
    }

    [Fact]
    public async Task A_corrupt_session_value_is_treated_as_missing_not_an_error()
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("PRO");
        var id = "corrupt-" + Guid.NewGuid();
        var redis = await fx.App.Services.GetRequiredService<RedisConnector>().DatabaseAsync();
        await redis.HashSetAsync(fx.Database.Name + ":s:" + id, [new("v", 3), new("d", "{not json")]);

        Assert.Null(await fx.App.Services.GetRequiredService<ISessionStore>().GetAsync(id, TestContext.Current.CancellationToken));
        Assert.Null(await Conversations(fx.App).TurnAsync(id, "hello", null, TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/admin/sessions/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.False(await redis.KeyExistsAsync(fx.Database.Name + ":s:" + id), "the unreadable value is deleted");
    }

    [Fact]
    public async Task Live_events_reach_the_other_instance_and_owners_see_only_their_sessions()
    {
        var profile = await ProfileAsync();
        var (_, stranger, _) = await fx.CreateBusinessAsync("PRO");
        var received = new ConcurrentQueue<LiveEvent>();
        using var _ = fx.B.Services.GetRequiredService<ILiveEvents>().Subscribe(e =>
        {
            received.Enqueue(e);
            return Task.CompletedTask;
        });
        var bus = fx.B.Services.GetRequiredService<RedisLiveEvents>();
        for (var i = 0; i < 50 && !bus.CrossInstance; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var id = "live-" + Guid.NewGuid();
        await Conversations(fx.App).StartAsync(profile, Channel.CHAT, id, new Dictionary<string, string>(), null, TestContext.Current.CancellationToken);
        await Conversations(fx.App).TurnAsync(id, "I smell gas", null, TestContext.Current.CancellationToken);
        for (var i = 0; i < 50 && !received.Any(e => e.SessionId == id && e.Type == LiveEvent.EmergencyDetected); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Contains(received, e => e.SessionId == id && e.Type == LiveEvent.SessionStarted);
        Assert.Contains(received, e => e.SessionId == id && e.Type == LiveEvent.EmergencyDetected && e.BusinessId == profile.Business.Id);

        var owner = fx.Anonymous().WithToken(await ApiClient.LoginAsync(fx.Anonymous(),
            await fx.Database.ScalarAsync<string>($"SELECT email FROM users WHERE business_id = '{profile.Business.Id}'"), "Owner-password-1"));
        var list = await (await owner.GetAsync("/api/admin/sessions", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(list["sessions"]!.AsArray(), s => s!["sessionId"]!.GetValue<string>() == id && s["emergency"]!.GetValue<bool>());
        var detail = await (await owner.GetAsync($"/api/admin/sessions/{id}", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("I smell gas", detail["transcript"]![1]!["content"]!.GetValue<string>());
        Assert.True(detail["analytics"]!["emergencyDetected"]!.GetValue<bool>());
        Assert.DoesNotContain((await (await stranger.GetAsync("/api/admin/sessions", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK))["sessions"]!.AsArray(),
            s => s!["sessionId"]!.GetValue<string>() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/admin/sessions/{id}", TestContext.Current.CancellationToken)).StatusCode);
    }
}
