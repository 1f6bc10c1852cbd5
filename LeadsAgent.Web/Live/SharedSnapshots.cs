using System.Collections.Concurrent;

namespace LeadsAgent.Web.Live;

/// <summary>
/// One computed view per business, shared by every open dashboard of this instance. Every circuit woken by the same
/// live event (the router hands them the same event object) asks with that event as the cause: the first one starts
/// the computation, the others await it, so N open dashboards cost one query per event instead of N. Without a
/// cause (a page opening), a snapshot younger than <paramref name="maxAge"/> is reused.
/// </summary>
public sealed class SharedSnapshots<T>(TimeProvider clock, TimeSpan maxAge)
{
    readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    sealed record Entry(Task<T> Value, object? Cause, DateTimeOffset At);

    public Task<T> GetAsync(Guid businessId, object? cause, Func<Task<T>> compute)
    {
        while (true)
        {
            var now = clock.GetUtcNow();
            if (_entries.TryGetValue(businessId, out var entry)
                && !entry.Value.IsFaulted && !entry.Value.IsCanceled
                && (cause is null ? now - entry.At < maxAge : ReferenceEquals(entry.Cause, cause)))
            {
                return entry.Value;
            }

            var fresh = new Entry(Start(compute), cause, now);
            if (entry is null ? _entries.TryAdd(businessId, fresh) : _entries.TryUpdate(businessId, fresh, entry))
            {
                return fresh.Value;
            }
        }
    }

    /// <summary>Forgets a business's snapshot (after a change made here that no event announces).</summary>
    public void Invalidate(Guid businessId) => _entries.TryRemove(businessId, out _);

    static async Task<T> Start(Func<Task<T>> compute)
    {
        // Off the caller's synchronous path, so losing a race to another circuit costs no query.
        await Task.Yield();
        return await compute();
    }
}
