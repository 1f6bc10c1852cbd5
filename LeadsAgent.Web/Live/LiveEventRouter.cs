using System.Collections.Concurrent;
using LeadsAgent.Infrastructure.Events;

namespace LeadsAgent.Web.Live;

/// <summary>
/// One subscription to the live event bus for the whole instance, fanned out per business: an event reaches only
/// the dashboards of its own business, and a slow dashboard never holds up the others (each handler runs on its own,
/// and a circuit's handler only queues a render on its own dispatcher).
/// </summary>
public sealed class LiveEventRouter : IHostedService
{
    readonly ILiveEvents _events;
    readonly ILogger<LiveEventRouter> _logger;
    readonly ConcurrentDictionary<Guid, ImmutableHandlers> _byBusiness = new();
    IDisposable? _subscription;

    public LiveEventRouter(ILiveEvents events, ILogger<LiveEventRouter> logger)
    {
        _events = events;
        _logger = logger;
    }

    sealed record ImmutableHandlers(Func<LiveEvent, Task>[] Items);

    public int Subscribers => _byBusiness.Values.Sum(h => h.Items.Length);

    public IDisposable Subscribe(Guid businessId, Func<LiveEvent, Task> handler)
    {
        _byBusiness.AddOrUpdate(businessId, _ => new([handler]), (_, h) => new([.. h.Items, handler]));
        return new Subscription(this, businessId, handler);
    }

    Task DeliverAsync(LiveEvent e)
    {
        if (_byBusiness.TryGetValue(e.BusinessId, out var handlers))
        {
            foreach (var handler in handlers.Items)
            {
                _ = RunAsync(handler, e);
            }
        }

        return Task.CompletedTask;
    }

    async Task RunAsync(Func<LiveEvent, Task> handler, LiveEvent e)
    {
        try
        {
            await handler(e);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "A dashboard failed to show the live event {Type}", e.Type);
        }
    }

    void Remove(Guid businessId, Func<LiveEvent, Task> handler)
    {
        while (_byBusiness.TryGetValue(businessId, out var current))
        {
            var rest = current.Items.Where(h => h != handler).ToArray();
            var done = rest.Length == 0
                ? _byBusiness.TryRemove(new KeyValuePair<Guid, ImmutableHandlers>(businessId, current))
                : _byBusiness.TryUpdate(businessId, new(rest), current);
            if (done)
            {
                return;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = _events.Subscribe(DeliverAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    sealed class Subscription(LiveEventRouter router, Guid businessId, Func<LiveEvent, Task> handler) : IDisposable
    {
        int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                router.Remove(businessId, handler);
            }
        }
    }
}
