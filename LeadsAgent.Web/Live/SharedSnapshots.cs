using System.Collections.Concurrent;

namespace LeadsAgent.Web.Live;

/// <summary>
/// One computed view per business, shared by every open dashboard of this instance. Every circuit woken by the same
/// live event (the router hands them the same event object) asks with that event as the cause: the first one starts
/// the computation, the others await it, so N open dashboards cost one computation per event instead of N.
/// Under a burst of events the computations are spaced: a new one starts no sooner than <c>minInterval</c> after the
/// previous one started and never while it still runs, and every event arriving meanwhile shares that next one
/// (which reads the data after all of them). Without a cause (a page opening), a snapshot younger than
/// <c>maxAge</c> is reused.
/// </summary>
public sealed class SharedSnapshots<T>(TimeProvider clock, TimeSpan maxAge, TimeSpan minInterval)
{
    readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    sealed record Entry(Task<T> Value, object? Cause, DateTimeOffset StartsAt);

    public Task<T> GetAsync(Guid businessId, object? cause, Func<Task<T>> compute)
    {
        while (true)
        {
            var now = clock.GetUtcNow();
            _entries.TryGetValue(businessId, out var entry);
            var usable = entry is not null && !entry.Value.IsFaulted && !entry.Value.IsCanceled;
            if (usable && (cause is null ? now - entry!.StartsAt < maxAge : ReferenceEquals(entry!.Cause, cause) || entry.StartsAt > now))
            {
                // The same event, or a computation that has not started yet and so will see this event's data too.
                return entry.Value;
            }

            Entry fresh;
            if (usable && cause is not null && (now - entry!.StartsAt < minInterval || !entry.Value.IsCompleted))
            {
                var startsAt = entry.StartsAt + minInterval > now ? entry.StartsAt + minInterval : now;
                fresh = new Entry(After(entry.Value, startsAt - now, compute), cause, startsAt);
            }
            else
            {
                fresh = new Entry(Task.Run(compute), cause, now);
            }

            if (entry is null ? _entries.TryAdd(businessId, fresh) : _entries.TryUpdate(businessId, fresh, entry))
            {
                return fresh.Value;
            }
        }
    }

    /// <summary>Forgets a business's snapshot (after a change made here that no event announces).</summary>
    public void Invalidate(Guid businessId) => _entries.TryRemove(businessId, out _);

    // On the thread pool, not on the dispatcher of whichever circuit asked first: a slow query must not hold up that
    // circuit's rendering.
    static async Task<T> After(Task<T> previous, TimeSpan delay, Func<Task<T>> compute)
    {
        try
        {
            await previous.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The previous computation's failure is its callers' concern; this one starts afresh.
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay).ConfigureAwait(false);
        }

        return await Task.Run(compute).ConfigureAwait(false);
    }
}
