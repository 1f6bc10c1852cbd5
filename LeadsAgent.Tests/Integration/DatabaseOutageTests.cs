using LeadsAgent.Infrastructure.Conversations;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>
/// PostgreSQL (a server of this test's own) is restarted while calls are in progress: callers keep being answered by
/// the agent, and every lead taken while it was away is stored once it is back, none lost and none twice.
/// </summary>
public class DatabaseOutageTests
{
    const string Token = "outage-token";
    const string PublicBase = "https://voice.outage.test";
    const string Apology = "Sorry, we couldn't take your call";

    sealed class OwnPostgres(string serverUrl) : PlatformFixture
    {
        protected override string? DatabaseServerUrl => serverUrl;

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "ACoutage0000000000000000000000000",
            ["Twilio:AuthToken"] = Token,
            ["Twilio:WebhookBaseUrl"] = PublicBase,
        };
    }

    static async Task EmergencyCallAsync(TwilioCaller caller, string name, string street)
    {
        await caller.SayAsync(name);
        await caller.SayAsync("yes");
        await caller.SayAsync(street);
        await caller.StatusAsync("completed");
    }

    [Fact]
    public async Task Callers_are_answered_while_postgres_restarts_and_every_lead_taken_meanwhile_is_stored_once()
    {
        await using var pg = await PostgresInstance.StartAsync();
        await using var fx = new OwnPostgres(pg.ServerUrl);
        await fx.InitializeAsync();
        var ct = TestContext.Current.CancellationToken;
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (businessId, _, _) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        TwilioCaller Caller(int i) => new(fx.Anonymous(), Token, PublicBase, $"+1555010{i:D4}", number);

        // Eight calls under way, the emergency reported while the database is up.
        var first = Enumerable.Range(0, 8).Select(Caller).ToList();
        await Task.WhenAll(first.Select(async c =>
        {
            await c.DialAsync();
            await c.SayAsync("help my basement is flooding theres water everywhere");
        }));

        // The database goes down in the middle of those calls; they go on, and four more callers ring meanwhile.
        await pg.StopAsync();
        await Assert.ThrowsAnyAsync<Npgsql.NpgsqlException>(() => fx.Database.ScalarAsync<long>("SELECT 1"));
        var during = Enumerable.Range(8, 4).Select(Caller).ToList();
        await Task.WhenAll(
            first.Select((c, i) => EmergencyCallAsync(c, $"caller {i} smith", $"{i + 1} oak street"))
            .Concat(during.Select(async (c, i) =>
            {
                await c.DialAsync();
                await c.SayAsync("a pipe burst and the kitchen is flooding");
                await EmergencyCallAsync(c, $"caller {i + 8} jones", $"{i + 20} elm street");
            })));

        // Past the business cache's lifetime, a last caller still reaches the agent (the last profile read is kept).
        await Task.Delay(TimeSpan.FromSeconds(16), ct);
        var late = Caller(12);
        await late.DialAsync();
        await late.SayAsync("water is pouring through the ceiling");
        await EmergencyCallAsync(late, "late caller brown", "99 pine road");

        var all = first.Concat(during).Append(late).ToList();
        foreach (var c in all)
        {
            Assert.True(c.HungUp, $"{c.CallSid} ended politely");
            Assert.Contains(c.Heard, h => h.Contains("call you back", StringComparison.Ordinal));
            Assert.DoesNotContain(c.Heard, h => h.Contains(Apology, StringComparison.Ordinal));
        }

        // Thirteen leads and conversations wait on their sessions.
        var service = fx.App.Services.GetRequiredService<ConversationService>();
        Assert.True(service.HasPendingWrites);

        // Back up: what was accepted is written (by the maintenance worker within seconds), once.
        await pg.StartAgainAsync();
        long leads = 0, conversations = 0;
        for (var i = 0; i < 150 && (leads < all.Count || conversations < all.Count); i++)
        {
            await Task.Delay(200, ct);
            try
            {
                leads = await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM leads WHERE business_id = '{businessId}'");
                conversations = await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM conversations WHERE business_id = '{businessId}'");
            }
            catch (Npgsql.NpgsqlException)
            {
                // Still starting.
            }
        }

        Assert.Equal(all.Count, leads);
        for (var i = 0; i < 50 && service.HasPendingWrites; i++)
        {
            await Task.Delay(100, ct);
        }

        Assert.False(service.HasPendingWrites);
        Assert.Equal(all.Count, conversations);
        Assert.Equal(all.Count, await fx.Database.ScalarAsync<long>($"SELECT count(DISTINCT session_id) FROM leads WHERE business_id = '{businessId}'"));
        Assert.Equal(all.Count, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM leads WHERE business_id = '{businessId}' AND priority = 'URGENT' AND contact_name IS NOT NULL AND address IS NOT NULL"));
        Assert.Equal(all.Count, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM conversations WHERE business_id = '{businessId}' AND lead_id IS NOT NULL"));
        Assert.Equal(all.Count, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{businessId}' AND kind = 'OWNER_EMAIL'"));
    }
}
