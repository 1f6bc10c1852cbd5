using LeadsAgent.Web.Live;

namespace LeadsAgent.Tests.Unit.Live;

public class SharedSnapshotsTests
{
    [Fact]
    public async Task GetAsync_ManyDashboardsWokenByOneEvent_ComputeOnce()
    {
        var snapshots = new SharedSnapshots<int>(TimeProvider.System, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(50));
        var business = Guid.NewGuid();
        var computed = 0;
        var cause = new object();

        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ =>
            snapshots.GetAsync(business, cause, async () => { Interlocked.Increment(ref computed); await Task.Delay(20); return 42; })));

        Assert.Equal(1, computed);
        Assert.All(results, r => Assert.Equal(42, r));
    }

    [Fact]
    public async Task GetAsync_ABurstOfEvents_IsSpacedOutAndTheLastAnswerSeesTheLastChange()
    {
        var snapshots = new SharedSnapshots<int>(TimeProvider.System, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));
        var business = Guid.NewGuid();
        var computed = 0;
        var state = 0;
        var answers = new List<Task<int>>();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // 50 events over about half a second, each changing the data just before it is announced.
        for (var i = 1; i <= 50; i++)
        {
            Volatile.Write(ref state, i);
            answers.Add(snapshots.GetAsync(business, new object(), () => { Interlocked.Increment(ref computed); return Task.FromResult(Volatile.Read(ref state)); }));
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        var last = await answers[^1];
        Assert.Equal(50, last);
        // At most one computation per 100 ms spacing (plus the first and the last): on a loaded machine the 50 delays take
        // longer than half a second, so the bound follows the time they took, never the 50 a computation per event gives.
        Assert.InRange(computed, 2, Math.Min(25, (int)(watch.Elapsed.TotalMilliseconds / 100) + 3));
    }

    [Fact]
    public async Task GetAsync_AnotherBusiness_IsComputedOnItsOwn()
    {
        var snapshots = new SharedSnapshots<string>(TimeProvider.System, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(50));
        var cause = new object();

        var a = await snapshots.GetAsync(Guid.NewGuid(), cause, () => Task.FromResult("a"));
        var b = await snapshots.GetAsync(Guid.NewGuid(), cause, () => Task.FromResult("b"));

        Assert.Equal(("a", "b"), (a, b));
    }
}
