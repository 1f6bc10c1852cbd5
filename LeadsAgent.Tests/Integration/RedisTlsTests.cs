using System.Net;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Conversations;
using LeadsAgent.Infrastructure.Redis;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LeadsAgent.Tests.Integration;

/// <summary>Redis over TLS (rediss://), on a Redis of this test's own with a self-signed certificate.</summary>
public class RedisTlsTests
{
    [Fact]
    public async Task Sessions_are_stored_and_read_over_rediss_when_the_servers_certificate_is_trusted()
    {
        await using var redis = await RedisInstance.StartAsync(tls: true);
        await using var fx = new TlsRedis(redis.Url, redis.CertificateFile);
        await fx.InitializeAsync();
        var ct = TestContext.Current.CancellationToken;
        var (businessId, _, _) = await fx.CreateBusinessAsync("PRO");
        var profile = (await fx.App.Services.GetRequiredService<BusinessDirectory>().GetAsync(businessId, ct))!;
        var conversations = fx.App.Services.GetRequiredService<ConversationService>();
        var id = "tls-" + Guid.NewGuid();

        await conversations.StartAsync(profile, Channel.CHAT, id, new Dictionary<string, string>(), null, ct);
        await conversations.TurnAsync(id, "my kitchen sink is clogged and won't drain", null, ct);

        var store = fx.App.Services.GetRequiredService<RedisSessionStore>();
        Assert.Equal(("redis", true, 0), (store.Health.Mode, store.Health.RedisConnected, store.Health.WaitingForRedis));
        // Read back from Redis itself, not from the instance's in-memory copy.
        var db = await fx.App.Services.GetRequiredService<RedisConnector>().DatabaseAsync();
        string? stored = await db.HashGetAsync(fx.Database.Name + ":s:" + id, "d");
        Assert.Contains("kitchen sink is clogged", stored, StringComparison.Ordinal);
        store.ForgetIdleCopies(TimeSpan.Zero);
        Assert.Equal(3, (await store.GetAsync(id, ct))!.History.Count);

        var health = await (await fx.Anonymous().GetAsync("/health", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("healthy", health["components"]!["redis"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rediss_server_whose_certificate_is_not_trusted_is_not_used()
    {
        await using var redis = await RedisInstance.StartAsync(tls: true);
        await using var connector = new RedisConnector(Options.Create(new RedisOptions { Url = redis.Url, ConnectTimeoutMs = 500, CommandTimeoutMs = 500 }),
            NullLogger<RedisConnector>.Instance);

        var refused = await Assert.ThrowsAnyAsync<Exception>(connector.PingAsync);

        Assert.True(RedisConnector.IsUnavailable(refused), refused.GetType().Name);
        Assert.False(connector.IsConnected);
    }

    sealed class TlsRedis(string url, string caFile) : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Redis:Url"] = url,
            ["Redis:TlsCaFile"] = caFile,
        };
    }
}
