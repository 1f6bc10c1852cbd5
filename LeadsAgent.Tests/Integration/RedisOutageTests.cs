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
        var client = fx.App.Services.GetRequiredService<RedisClient>();
        var raw = await client.ExecuteAsync(["HGET", fx.Database.Name + ":s:" + id, "d"], ct);
        Assert.Contains("Sam Carter", raw.Text, StringComparison.Ordinal);
        Assert.Contains("555 303 4040", raw.Text, StringComparison.Ordinal);
        var after = await conversations.TurnAsync(id, "9 Elm Street, Springfield", null, ct);
        Assert.Equal(0, store.Health.WaitingForRedis);
        var session = await store.GetAsync(id, ct);
        Assert.Equal(9, session!.History.Count);
        Assert.Contains(after!.Result.Reply, session.History[^1].Content, StringComparison.Ordinal);
    }

    sealed class OwnRedis(string url) : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Redis:Url"] = url,
            ["Redis:ConnectTimeoutMs"] = "300",
            ["Redis:CommandTimeoutMs"] = "500",
        };
    }
}
