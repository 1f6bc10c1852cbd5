using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Redis;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Tests.Integration;

/// <summary>Our RESP client against real Redis servers.</summary>
public class RedisClientTests
{
    static RedisClient Client(string url, int commandTimeoutMs = 1000) =>
        new(Options.Create(new RedisOptions { Url = url, CommandTimeoutMs = commandTimeoutMs, ConnectTimeoutMs = 500 }), NullLogger<RedisClient>.Instance);

    [Fact]
    public async Task Commands_round_trip_with_auth_database_and_expiry()
    {
        var e = RedisEndpoint.Parse(TestEnvironment.RedisUrl);
        await using var redis = Client($"redis://:{e.Password}@{e.Host}:{e.Port}/3");
        var key = "test:" + Guid.NewGuid();
        await redis.SetAsync(key, "héllo wörld", 60, TestContext.Current.CancellationToken);
        Assert.Equal("héllo wörld", await redis.GetAsync(key, TestContext.Current.CancellationToken));
        var ttl = await redis.ExecuteAsync(["TTL", key], TestContext.Current.CancellationToken);
        Assert.InRange(ttl.Integer, 1, 60);
        Assert.Equal("3", (await redis.ExecuteAsync(["CLIENT", "INFO"], TestContext.Current.CancellationToken)).Text!.Split(' ').First(p => p.StartsWith("db=", StringComparison.Ordinal))[3..]);
        Assert.Equal(1, await redis.DelAsync(key, TestContext.Current.CancellationToken));
        Assert.Null(await redis.GetAsync(key, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<RedisServerException>(() => redis.ExecuteAsync(["NOSUCHCOMMAND"], TestContext.Current.CancellationToken));
        // PING answers PONG (anything else throws) within the command timeout, and its latency is what /health shows.
        Assert.InRange(await redis.PingAsync(TestContext.Current.CancellationToken), 0.001, 1000);
    }

    [Fact]
    public async Task Many_concurrent_callers_each_get_their_own_reply()
    {
        await using var redis = Client(TestEnvironment.RedisUrl);
        var prefix = "test:" + Guid.NewGuid() + ":";
        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => redis.SetAsync(prefix + i, "value-" + i, 60)));
        var values = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => redis.GetAsync(prefix + i)));
        Assert.Equal(Enumerable.Range(0, 500).Select(i => "value-" + i), values);
    }

    [Fact]
    public async Task A_wrong_password_is_reported_and_health_says_not_connected()
    {
        var e = RedisEndpoint.Parse(TestEnvironment.RedisUrl);
        var wrong = $"redis://:wrong@{e.Host}:{e.Port}/0";
        await using var redis = Client(wrong);
        await Assert.ThrowsAnyAsync<Exception>(() => redis.PingAsync(TestContext.Current.CancellationToken));
        Assert.False(redis.IsConnected);
    }

    [Fact]
    public async Task The_client_reconnects_after_the_server_restarts()
    {
        await using var server = await RedisInstance.StartAsync();
        await using var redis = Client(server.Url);
        await redis.SetAsync("k", "before", 600, TestContext.Current.CancellationToken);

        await server.StopAsync();
        await Assert.ThrowsAsync<RedisUnavailableException>(() => redis.GetAsync("k", TestContext.Current.CancellationToken));
        Assert.False(redis.IsConnected);

        await server.StartAgainAsync();
        string? value = null;
        for (var i = 0; i < 50 && value is null; i++)
        {
            try
            {
                value = await redis.GetAsync("k", TestContext.Current.CancellationToken);
            }
            catch (RedisUnavailableException)
            {
                // Backing off between reconnection attempts.
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal("before", value);
        Assert.True(redis.IsConnected);
    }
}
