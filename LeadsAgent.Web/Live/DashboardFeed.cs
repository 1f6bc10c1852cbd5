using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Web.Auth;

namespace LeadsAgent.Web.Live;

/// <summary>
/// The live events of the signed-in owner's business for one dashboard circuit: one subscription to the router per
/// circuit (scoped), shared by every component on the page, and disposed with the circuit. Components subscribe
/// with a handler that calls <c>InvokeAsync(StateHasChanged)</c>; there is no polling.
/// </summary>
public sealed class DashboardFeed(LiveEventRouter router, CurrentBusiness current) : IAsyncDisposable
{
    readonly Lock _gate = new();
    readonly List<Func<LiveEvent, Task>> _handlers = [];
    IDisposable? _subscription;
    bool _disposed;

    /// <summary>How many components of this circuit are listening (the health of a page's live updates).</summary>
    public int Listeners
    {
        get
        {
            lock (_gate)
            {
                return _handlers.Count;
            }
        }
    }

    /// <summary>Starts receiving the business's events; safe to call from several components.</summary>
    public async Task<IDisposable> SubscribeAsync(Func<LiveEvent, Task> handler, CancellationToken ct = default)
    {
        var business = await current.GetAsync(ct);
        lock (_gate)
        {
            // A circuit torn down while a component was still subscribing must not leave a subscription behind.
            if (_disposed)
            {
                return new Unsubscriber(this, handler);
            }

            _handlers.Add(handler);
            _subscription ??= router.Subscribe(business.Id, DeliverAsync);
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
            await handler(e);
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
            _handlers.Clear();
            _subscription?.Dispose();
            _subscription = null;
        }

        return ValueTask.CompletedTask;
    }

    sealed class Unsubscriber(DashboardFeed feed, Func<LiveEvent, Task> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (feed._gate)
            {
                feed._handlers.Remove(handler);
            }
        }
    }
}
