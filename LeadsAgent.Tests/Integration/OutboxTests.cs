using System.Net.Http.Json;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LeadsAgent.Tests.Integration;

/// <summary>The email outbox against an SMTP sink of the test's own, which it stops and starts.</summary>
public class OutboxTests
{
    sealed class OwnSmtp(int port) : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:PollSeconds"] = "3600",
            ["Notifications:FirstRetrySeconds"] = "1",
            ["Chat:BurstPerClient"] = "100",
        };
    }

    static async Task<Guid> ChatToLeadAsync(PlatformFixture fx, Guid businessId)
    {
        var http = fx.Anonymous();
        var first = await (await http.PostAsJsonAsync("/api/chat", new { businessId, message = "My water heater is leaking" })).JsonAsync(System.Net.HttpStatusCode.OK);
        var session = first["sessionId"]!.GetValue<string>();
        foreach (var message in new[] { "Walter White", "555 308 1958", "308 Negra Arroyo Lane, Albuquerque", "skip" })
        {
            var reply = await (await http.PostAsJsonAsync("/api/chat", new { businessId, sessionId = session, message })).JsonAsync(System.Net.HttpStatusCode.OK);
            if (reply["leadId"] is { } id)
            {
                return id.GetValue<Guid>();
            }
        }

        throw new InvalidOperationException("the chat did not produce a lead");
    }

    [Fact]
    public async Task With_smtp_down_the_email_waits_and_is_delivered_once_when_it_returns()
    {
        await using var smtp = await MailSink.StartAsync();
        await using var fx = new OwnSmtp(smtp.Port);
        await fx.InitializeAsync();
        var ct = TestContext.Current.CancellationToken;
        var (businessId, _, _) = await fx.CreateBusinessAsync("BASIC");
        await smtp.StopAsync();

        var leadId = await ChatToLeadAsync(fx, businessId);
        var worker = fx.App.Services.GetRequiredService<OutboxWorker>();
        await worker.RunOnceAsync(ct);
        Assert.Equal("PENDING", await fx.Database.ScalarAsync<string>($"SELECT status FROM notifications WHERE lead_id = '{leadId}'"));
        Assert.NotNull(await fx.Database.ScalarAsync<string>($"SELECT last_error FROM notifications WHERE lead_id = '{leadId}'"));
        Assert.Equal(1, await fx.Database.ScalarAsync<int>($"SELECT attempts FROM notifications WHERE lead_id = '{leadId}'"));

        await smtp.StartAgainAsync();
        await Task.Delay(1100, ct);
        await worker.RunOnceAsync(ct);
        await worker.RunOnceAsync(ct);
        Assert.Equal("SENT", await fx.Database.ScalarAsync<string>($"SELECT status FROM notifications WHERE lead_id = '{leadId}'"));
        Assert.Single(smtp.Messages());
    }

    [Fact]
    public async Task Two_workers_racing_send_every_email_once()
    {
        await using var smtp = await MailSink.StartAsync();
        await using var fx = new OwnSmtp(smtp.Port);
        await fx.InitializeAsync();
        var ct = TestContext.Current.CancellationToken;
        var (businessId, _, _) = await fx.CreateBusinessAsync("BASIC");
        var leads = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            leads.Add(await ChatToLeadAsync(fx, businessId));
        }

        // A second worker as another instance would run it: its own data source, the same database.
        var services = fx.App.Services;
        await using var source = NpgsqlDataSource.Create(fx.Database.ConnectionString);
        var other = new OutboxWorker(source, services.GetServices<IOutboxHandler>(), services.GetRequiredService<IOptions<NotificationOptions>>(), NullLogger<OutboxWorker>.Instance, services.GetRequiredService<LeadsAgent.Infrastructure.Events.ILiveEvents>(), TimeProvider.System);
        var mine = services.GetRequiredService<OutboxWorker>();

        await Task.WhenAll(Task.Run(() => mine.RunOnceAsync(ct), ct), Task.Run(() => other.RunOnceAsync(ct), ct), Task.Run(() => other.RunOnceAsync(ct), ct));

        Assert.Equal(6, smtp.Messages().Count);
        Assert.Equal(6, smtp.Messages().Select(m => m.Text).Distinct().Count());
        Assert.Equal(6L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM notifications WHERE business_id = '{businessId}' AND status = 'SENT' AND attempts = 1"));
    }
}
