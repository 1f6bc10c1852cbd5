using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Conversations;
using LeadsAgent.Infrastructure.Redis;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace LeadsAgent.Tests.Integration;

/// <summary>Redis dies in the middle of a conversation (a Redis of this test's own, so nothing else is disturbed).</summary>
public class RedisOutageTests
{
    [Fact]
    public async Task The_conversation_goes_on_health_is_degraded_and_the_session_is_back_in_redis_after_a_restart()
    {
        await using var redis = await RedisInstance.StartAsync();
        await using var fx = new OwnRedis(redis.Url);
        await fx.InitializeAsync();
        var ct = TestContext.Current.CancellationToken;
        var (businessId, _, _) = await fx.CreateBusinessAsync("PRO");
        var profile = (await fx.App.Services.GetRequiredService<BusinessDirectory>().GetAsync(businessId, ct))!;
        var conversations = fx.App.Services.GetRequiredService<ConversationService>();
        var store = fx.App.Services.GetRequiredService<RedisSessionStore>();
        var id = "outage-" + Guid.NewGuid();

        await conversations.StartAsync(profile, Channel.CHAT, id, new Dictionary<string, string>(), null, ct);
        await conversations.TurnAsync(id, "my kitchen sink is clogged and won't drain", null, ct);

        await redis.StopAsync();
        var during = await conversations.TurnAsync(id, "Sam Carter", null, ct);
        Assert.NotNull(during);
        Assert.Contains("number", during.Result.Reply, StringComparison.OrdinalIgnoreCase);
        var health = await (await fx.Anonymous().GetAsync("/health", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("degraded", health["status"]!.GetValue<string>());
        Assert.Equal("memory", store.Health.Mode);
        Assert.Equal(1, store.Health.WaitingForRedis);
        var alsoDuring = await conversations.TurnAsync(id, "555 303 4040", null, ct);
        Assert.Contains("address", alsoDuring!.Result.Reply, StringComparison.OrdinalIgnoreCase);

        await redis.StartAgainAsync();
        for (var i = 0; i < 100 && store.Health.WaitingForRedis > 0; i++)
        {
            await Task.Delay(100, ct);
        }

        // The maintenance worker wrote the newer session back: Redis now has every turn.
        var client = await fx.App.Services.GetRequiredService<RedisConnector>().DatabaseAsync();
        string? raw = await client.HashGetAsync(fx.Database.Name + ":s:" + id, "d");
        Assert.Contains("Sam Carter", raw, StringComparison.Ordinal);
        Assert.Contains("555 303 4040", raw, StringComparison.Ordinal);
        var after = await conversations.TurnAsync(id, "9 Elm Street, Springfield", null, ct);
        Assert.Equal(0, store.Health.WaitingForRedis);
        var session = await store.GetAsync(id, ct);
        Assert.Equal(9, session!.History.Count);
        Assert.Contains(after!.Result.Reply, session.History[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_in_progress_when_redis_stops_and_restarts_all_finish_with_one_lead_each()
    {
        await using var redis = await RedisInstance.StartAsync();
        await using var fx = new OwnRedis(redis.Url);
        await fx.InitializeAsync();
        var ct = TestContext.Current.CancellationToken;
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (businessId, _, _) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        var callers = Enumerable.Range(0, 10).Select(i => new TwilioCaller(fx.Anonymous(), OwnRedis.Token, OwnRedis.PublicBase, $"+1555020{i:D4}", number)).ToList();

        string[] names = ["ann", "bob", "cy", "dee", "eve", "fay", "gus", "hal", "ivy", "jo"];
        async Task RestOfCallAsync(TwilioCaller c, int i)
        {
            await c.SayAsync($"{names[i]} walker");
            await c.SayAsync("yes");
            await c.SayAsync($"{i + 1} maple avenue");
            await c.StatusAsync("completed");
        }

        await Task.WhenAll(callers.Select(async c =>
        {
            await c.DialAsync();
            await c.SayAsync("my water heater burst and the basement is flooding");
        }));

        // Redis dies under the calls: half of them finish while it is away, the rest after it is back.
        await redis.StopAsync();
        await Task.WhenAll(callers.Take(5).Select(RestOfCallAsync));
        await redis.StartAgainAsync();
        await Task.WhenAll(callers.Skip(5).Select((c, i) => RestOfCallAsync(c, i + 5)));

        foreach (var c in callers)
        {
            Assert.True(c.HungUp, $"{c.CallSid} ended politely");
            Assert.Contains(c.Heard, h => h.Contains("call you back", StringComparison.Ordinal));
        }

        Assert.Equal(10, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM leads WHERE business_id = '{businessId}' AND contact_name LIKE '% Walker'"));
        Assert.Equal(10, await fx.Database.ScalarAsync<long>($"SELECT count(DISTINCT session_id) FROM leads WHERE business_id = '{businessId}'"));
        Assert.Equal(10, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM conversations WHERE business_id = '{businessId}'"));
        var store = fx.App.Services.GetRequiredService<RedisSessionStore>();
        for (var i = 0; i < 100 && store.Health.WaitingForRedis > 0; i++)
        {
            await Task.Delay(100, ct);
        }

        Assert.Equal(0, store.Health.WaitingForRedis);
    }

    sealed class OwnRedis(string url) : PlatformFixture
    {
        public const string Token = "redis-outage-token";
        public const string PublicBase = "https://voice.redis-outage.test";

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "ACredis00000000000000000000000000",
            ["Twilio:AuthToken"] = Token,
            ["Twilio:WebhookBaseUrl"] = PublicBase,
            ["Redis:Url"] = url,
            ["Redis:ConnectTimeoutMs"] = "300",
            ["Redis:CommandTimeoutMs"] = "500",
        };
    }
}
