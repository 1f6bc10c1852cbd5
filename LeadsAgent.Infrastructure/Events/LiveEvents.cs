using System.Text.Json;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Redis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Events;

/// <summary>Something the dashboard shows live: a session started, changed or ended, a lead, an emergency, an alert.</summary>
public sealed record LiveEvent(string Type, Guid BusinessId, string? SessionId, JsonElement? Data, DateTimeOffset At)
{
    public const string SessionStarted = "session.started";
    public const string SessionUpdated = "session.updated";
    public const string SessionEnded = "session.ended";
    public const string LeadCaptured = "lead.captured";
    public const string EmergencyDetected = "emergency.detected";
    public const string AlertStatus = "alert.status";

    public static LiveEvent Create(string type, Guid businessId, string? sessionId, object? data, DateTimeOffset at) =>
        new(type, businessId, sessionId, data is null ? null : JsonSerializer.SerializeToElement(data, RedisLiveEvents.Json), at);
}

/// <summary>Publishes live events to this instance's subscribers at once and to other instances over Redis pub/sub.</summary>
public interface ILiveEvents
{
    Task PublishAsync(LiveEvent e, CancellationToken ct);

    IDisposable Subscribe(Func<LiveEvent, Task> handler);
}

/// <summary>
/// In-process fan-out plus Redis PUBLISH/SUBSCRIBE on one channel, each message tagged with the instance that sent
/// it so no instance delivers its own events twice. Without Redis, events stay on this instance.
/// </summary>
public sealed class RedisLiveEvents(RedisClient redis, IOptions<RedisOptions> options, ILogger<RedisLiveEvents> logger) : ILiveEvents, IHostedService, IAsyncDisposable
{
    string Channel => options.Value.KeyPrefix + "events";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly string _instance = Guid.NewGuid().ToString("N");
    readonly Lock _gate = new();
    readonly List<Func<LiveEvent, Task>> _handlers = [];
    RedisSubscriber? _subscriber;

    sealed record Envelope(string Origin, LiveEvent Event);

    public bool CrossInstance => _subscriber?.IsConnected == true;

    public async Task PublishAsync(LiveEvent e, CancellationToken ct)
    {
        await DeliverAsync(e);
        if (!redis.IsConfigured)
        {
            return;
        }

        // Queued on the pipelined connection in order, not awaited: nobody on a call or in a chat should wait for
        // Redis to count the other instances' subscribers.
        _ = ForwardAsync(JsonSerializer.Serialize(new Envelope(_instance, e), Json));
    }

    async Task ForwardAsync(string envelope)
    {
        try
        {
            await redis.PublishAsync(Channel, envelope, CancellationToken.None);
        }
        catch (RedisUnavailableException)
        {
            // Other instances miss this one event; their dashboards catch up on the next update or reload.
        }
    }

    public IDisposable Subscribe(Func<LiveEvent, Task> handler)
    {
        lock (_gate)
        {
            _handlers.Add(handler);
        }

        return new Unsubscriber(this, handler);
    }

    async Task DeliverAsync(LiveEvent e)
    {
        Func<LiveEvent, Task>[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }

        foreach (var handler in handlers)
        {
            try
            {
                await handler(e);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A live event subscriber failed on {Type}", e.Type);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsConfigured)
        {
            _subscriber = new RedisSubscriber(options.Value, Channel, async message =>
            {
                var envelope = JsonSerializer.Deserialize<Envelope>(message, Json);
                if (envelope is not null && envelope.Origin != _instance)
                {
                    await DeliverAsync(envelope.Event);
                }
            }, logger);
            _subscriber.Start();
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_subscriber is not null)
        {
            await _subscriber.DisposeAsync();
            _subscriber = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    sealed class Unsubscriber(RedisLiveEvents bus, Func<LiveEvent, Task> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (bus._gate)
            {
                bus._handlers.Remove(handler);
            }
        }
    }
}
