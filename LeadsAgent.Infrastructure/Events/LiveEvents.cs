using System.Text.Json;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Redis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

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
/// it so no instance delivers its own events twice. Without Redis, events stay on this instance. The multiplexer
/// restores the subscription after a reconnect; events published while it was away are not replayed.
/// </summary>
public sealed class RedisLiveEvents(RedisConnector redis, IOptions<RedisOptions> options, ILogger<RedisLiveEvents> logger) : ILiveEvents, IHostedService, IAsyncDisposable
{
    RedisChannel Channel => RedisChannel.Literal(options.Value.KeyPrefix + "events");
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly string _instance = Guid.NewGuid().ToString("N");
    readonly Lock _gate = new();
    readonly List<Func<LiveEvent, Task>> _handlers = [];
    readonly CancellationTokenSource _stopping = new();
    Task _subscribing = Task.CompletedTask;
    ISubscriber? _subscriber;
    ChannelMessageQueue? _queue;

    sealed record Envelope(string Origin, LiveEvent Event);

    /// <summary>True while Redis has confirmed this instance's subscription and the connection is up.</summary>
    public bool CrossInstance => _queue is not null && _subscriber?.IsConnected(Channel) == true;

    public async Task PublishAsync(LiveEvent e, CancellationToken ct)
    {
        await DeliverAsync(e);
        if (!redis.IsConfigured)
        {
            return;
        }

        // Not awaited: nobody on a call or in a chat should wait for Redis to count the other instances' subscribers.
        // The multiplexer writes commands in the order they are issued, so events still arrive in order.
        _ = ForwardAsync(JsonSerializer.Serialize(new Envelope(_instance, e), Json));
    }

    async Task ForwardAsync(string envelope)
    {
        try
        {
            var subscriber = await redis.SubscriberAsync();
            await subscriber.PublishAsync(Channel, envelope);
        }
        catch (Exception ex) when (RedisConnector.IsUnavailable(ex))
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
            // In the background: connecting must not hold up the app's start while Redis is slow or down.
            _subscribing = SubscribeAsync(_stopping.Token);
        }

        return Task.CompletedTask;
    }

    async Task SubscribeAsync(CancellationToken stop)
    {
        ISubscriber subscriber;
        try
        {
            subscriber = await redis.SubscriberAsync();
        }
        catch (Exception ex)
        {
            // A background task: a configuration the library refuses (an unreadable TLS CA file) is logged, not lost.
            logger.LogError(ex, "Live events: cannot use Redis; events stay on this instance");
            return;
        }

        _subscriber = subscriber;
        for (var delay = 250; !stop.IsCancellationRequested; delay = Math.Min(delay * 2, 5000))
        {
            try
            {
                // A queue rather than a handler: the library runs handlers concurrently, a queue hands messages over
                // one at a time in the order they were published. Once subscribed, the multiplexer resubscribes after
                // every reconnect by itself.
                var queue = await subscriber.SubscribeAsync(Channel);
                queue.OnMessage(ReceiveAsync);
                _queue = queue;
                return;
            }
            catch (Exception ex) when (RedisConnector.IsUnavailable(ex))
            {
                // The failed attempt left its queue registered, where nobody would read it: drop it before retrying.
                await IgnoreUnavailableAsync(subscriber.UnsubscribeAsync(Channel));
                if (delay == 250)
                {
                    logger.LogWarning("Live events: Redis unavailable ({Reason}); other instances' events arrive once it is back", ex.Message);
                }

                try
                {
                    await Task.Delay(delay, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    async Task ReceiveAsync(ChannelMessage message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>((string)message.Message!, Json);
            if (envelope is not null && envelope.Origin != _instance)
            {
                await DeliverAsync(envelope.Event);
            }
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Live events: ignored an unreadable message ({Reason})", ex.Message.Split('.')[0]);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _subscribing;
        if (_queue is not null)
        {
            await IgnoreUnavailableAsync(_queue.UnsubscribeAsync());
            _queue = null;
        }
    }

    static async Task IgnoreUnavailableAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (RedisConnector.IsUnavailable(ex) || ex is ObjectDisposedException)
        {
            // Redis is away, or the connection was already closed during shutdown (DisposeAsync and the host's
            // StopAsync can come in either order): the subscription ends with the connection anyway.
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
