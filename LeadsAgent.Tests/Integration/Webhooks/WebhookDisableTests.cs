using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Domain.Webhooks;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Infrastructure.Webhooks;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace LeadsAgent.Tests.Integration.Webhooks;

/// <summary>
/// An endpoint that keeps failing is switched off only once it has failed enough times in a row over long enough
/// (here 3 failures over 24 hours, on an injected clock), and the owner gets an email (an SMTP sink of this test's own).
/// </summary>
public sealed class WebhookDisableTests : IAsyncLifetime
{
    sealed class Fixture(int smtpPort, FakeTimeProvider clock) : PlatformFixture
    {
        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>
        {
            ["Webhooks:AllowLoopbackTargets"] = "true",
            ["Webhooks:DisableAfterFailures"] = "3",
            ["Webhooks:DisableAfterHours"] = "24",
            ["Notifications:PollSeconds"] = "3600",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        protected override void ConfigureApp(AppFactory app) => app.TestServices = services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
    }

    readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    MailSink _smtp = null!;
    Fixture _fx = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await MailSink.StartAsync();
        _fx = new Fixture(_smtp.Port, _clock);
        await _fx.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _fx.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    /// <summary>One lead.created event for the business, written the way a new lead writes it.</summary>
    async Task WriteEventAsync(Guid businessId)
    {
        await using var scope = _fx.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(businessId);
        var business = await db.Businesses.SingleAsync(b => b.Id == businessId);
        await scope.ServiceProvider.GetRequiredService<WebhookEventWriter>()
            .AddAsync(db, business, WebhookEvents.LeadCreated, new { id = Guid.NewGuid() }, null, _clock.GetUtcNow(), CancellationToken.None);
        await db.SaveChangesAsync();
    }

    async Task RunDueAsync(Guid businessId)
    {
        await _fx.Database.ExecuteAsync($"UPDATE notifications SET next_attempt_at = now() WHERE business_id = '{businessId}' AND status = 'PENDING'");
        await _fx.App.Services.GetRequiredService<OutboxWorker>().RunOnceAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_endpoint_failing_for_over_a_day_is_switched_off_and_the_owner_is_emailed()
    {
        await using var receiver = await FakeHttpServer.StartAsync((_, ctx) =>
        {
            ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        var (businessId, owner, ownerEmail) = await _fx.CreateBusinessAsync("BASIC");
        var (endpointId, _) = await WebhookDeliveryTests.RegisterAsync(owner, receiver.BaseUrl + "/down", "lead.created");
        var endpoint = $"FROM webhook_endpoints WHERE id = '{endpointId}'";

        // Three failures within two hours: a short outage, the endpoint stays on.
        await WriteEventAsync(businessId);
        for (var i = 0; i < 3; i++)
        {
            await RunDueAsync(businessId);
            _clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(3, receiver.Requests.Count);
        Assert.True(await _fx.Database.ScalarAsync<bool>($"SELECT enabled {endpoint}"));
        Assert.Equal(3, await _fx.Database.ScalarAsync<int>($"SELECT consecutive_failures {endpoint}"));

        // Still failing a day later: switched off, the delivery given up, the owner told.
        _clock.Advance(TimeSpan.FromHours(22));
        await WriteEventAsync(businessId);
        await RunDueAsync(businessId);
        Assert.False(await _fx.Database.ScalarAsync<bool>($"SELECT enabled {endpoint}"));
        Assert.Contains("503", await _fx.Database.ScalarAsync<string>($"SELECT disabled_reason {endpoint}"), StringComparison.Ordinal);
        await RunDueAsync(businessId);

        var mail = Assert.Single(_smtp.Messages());
        Assert.Contains("switched off", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(receiver.BaseUrl + "/down", mail.Text, StringComparison.Ordinal);
        Assert.Contains("/settings/webhooks", mail.Text, StringComparison.Ordinal);
        Assert.Contains(ownerEmail, mail.To, StringComparison.OrdinalIgnoreCase);

        // Nothing more is sent to it: waiting deliveries are cancelled, and new events write none.
        var sent = receiver.Requests.Count;
        await WriteEventAsync(businessId);
        await RunDueAsync(businessId);
        Assert.Equal(sent, receiver.Requests.Count);
        Assert.Equal(0L, await _fx.Database.ScalarAsync<long>($"SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = '{endpointId}' AND status = 'PENDING'"));

        // Switched back on by the owner (signed in again: a day has passed): a fresh start.
        owner = _fx.App.CreateClient().WithToken(await ApiClient.LoginAsync(_fx.App.CreateClient(), ownerEmail, "Owner-password-1"));
        var on = await owner.PutAsJsonAsync($"/api/admin/webhooks/{endpointId}", new { url = receiver.BaseUrl + "/down", events = new[] { "lead.created" }, enabled = true }, TestContext.Current.CancellationToken);
        var body = await on.JsonAsync(HttpStatusCode.OK);
        Assert.True(body["enabled"]!.GetValue<bool>());
        Assert.Equal(0, body["consecutiveFailures"]!.GetValue<int>());
    }
}
