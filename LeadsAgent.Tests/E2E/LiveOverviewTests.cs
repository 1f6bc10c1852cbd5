using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Web;
using Microsoft.AspNetCore.Http;
using LeadsAgent.Tests.Support;
using Microsoft.Playwright;

namespace LeadsAgent.Tests.E2E;

/// <summary>The live overview and the emergency banner, against the real app and a fake Twilio Calls API.</summary>
public class LiveOverviewTests(LiveOverviewTests.Fixture fx) : IClassFixture<LiveOverviewTests.Fixture>
{
    public sealed class Fixture : BrowserFixture
    {
        public FakeHttpServer Twilio { get; private set; } = null!;
        public ConcurrentQueue<Dictionary<string, string>> PlacedCalls { get; } = new();

        protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?>(base.Overrides!)
        {
            ["Twilio:ApiBaseUrl"] = Twilio.BaseUrl,
            ["Notifications:PollSeconds"] = "1",
            // The backup number is rung this long after the first alert call unless someone takes the job.
            ["Notifications:AlertAckTimeoutSeconds"] = "6",
        };

        public override async ValueTask InitializeAsync()
        {
            Twilio = await FakeHttpServer.StartAsync(async (req, ctx) =>
            {
                if (req.PathAndQuery.EndsWith("/Messages.json", StringComparison.Ordinal))
                {
                    // The owner's texts (issue 18) go to the same Twilio account: accepted, not counted as calls.
                    ctx.Response.StatusCode = 201;
                    await ctx.Response.WriteAsJsonAsync(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued" });
                    return;
                }

                var form = HttpUtility.ParseQueryString(req.Body);
                PlacedCalls.Enqueue(form.AllKeys.ToDictionary(k => k!, k => form[k]!));
                ctx.Response.StatusCode = 201;
                await ctx.Response.WriteAsJsonAsync(new { sid = "CA" + Guid.NewGuid().ToString("N"), status = "queued" });
            });
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Twilio.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_call_appears_on_the_live_overview_without_a_reload_and_leaves_it_when_it_ends()
    {
        var number = "+1555" + Random.Shared.Next(2000000, 9999999);
        var (_, _, email) = await fx.CreateBusinessAsync("PRO", "PLUMBING", number);
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/");
        await Assertions.Expect(page.GetByTestId("count-active")).ToHaveTextAsync("0");

        var caller = fx.Caller(number, "+15557654321");
        await caller.DialAsync();
        await caller.SayAsync("my basement is flooding");

        var row = page.Locator($"[data-session='{caller.CallSid}']");
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 3000 });
        await Assertions.Expect(row).ToContainTextAsync("my basement is flooding");
        await Assertions.Expect(row).ToContainTextAsync("Emergency");
        await Assertions.Expect(row).ToContainTextAsync("(555) 765-4321");
        await Assertions.Expect(page.GetByTestId("count-active")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("count-calls")).ToHaveTextAsync("1");
        // The duration ticks without any event.
        var before = await row.GetByTestId("duration").TextContentAsync();
        await Assertions.Expect(row.GetByTestId("duration")).Not.ToHaveTextAsync(before!, new() { Timeout = 3000 });
        await BrowserFixture.ScreenshotAsync(page, "live-overview-call");

        await caller.StatusAsync("completed");
        await Assertions.Expect(row).ToHaveCountAsync(0, new() { Timeout = 3000 });
        await Assertions.Expect(page.GetByTestId("count-active")).ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByTestId("count-calls")).ToHaveTextAsync("1");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_emergency_chat_raises_the_banner_counter_and_tab_title_at_once_and_acknowledging_stops_the_escalation_call()
    {
        var ct = TestContext.Current.CancellationToken;
        var (businessId, owner, email) = await fx.CreateBusinessAsync("PRO", "PLUMBING", "+1555" + Random.Shared.Next(2000000, 9999999));
        var alertPhone = "+1555" + Random.Shared.Next(2000000, 9999999);
        (await owner.PutAsJsonAsync("/api/admin/business", new { notificationPhoneNumber = alertPhone, backupPhoneNumber = "+15550001111" }, ct)).EnsureSuccessStatusCode();
        var (page, errors) = await fx.NewPageAsync();
        await fx.SignInAsync(page, email, "Owner-password-1");
        await BrowserFixture.OpenInteractiveAsync(page, "/");
        await Assertions.Expect(page.GetByTestId("emergency-banner")).ToHaveCountAsync(0);
        Assert.DoesNotContain("EMERGENCY", await page.TitleAsync(), StringComparison.Ordinal);

        // A visitor reports an emergency and gives name, number and address through the public chat API.
        using var visitor = fx.Anonymous();
        var first = await (await visitor.PostAsJsonAsync("/api/chat", new { businessId, message = "water is pouring through my kitchen ceiling" }, ct))
            .JsonAsync(System.Net.HttpStatusCode.OK);
        var session = first["sessionId"]!.GetValue<string>();
        foreach (var message in new[] { "Maria Lopez", "555 201 4477", "yes", "12 Elm Street" })
        {
            var reply = await (await visitor.PostAsJsonAsync("/api/chat", new { businessId, sessionId = session, message }, ct)).JsonAsync(System.Net.HttpStatusCode.OK);
            if (reply["leadCaptured"]?.GetValue<bool>() == true)
            {
                break;
            }
        }

        var banner = page.GetByTestId("emergency-banner");
        await Assertions.Expect(banner).ToBeVisibleAsync(new() { Timeout = 2000 });
        await Assertions.Expect(banner).ToContainTextAsync("Water pouring in");
        await Assertions.Expect(banner).ToContainTextAsync("Maria Lopez");
        await Assertions.Expect(banner.GetByRole(AriaRole.Link, new() { Name = "Call (555) 201-4477" })).ToHaveAttributeAsync("href", "tel:+15552014477");
        await Assertions.Expect(page.GetByTestId("count-emergencies")).ToHaveTextAsync("1", new() { Timeout = 2000 });
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"^\(1\) EMERGENCY · "), new() { Timeout = 2000 });
        Assert.True(await page.EvaluateAsync<int>("() => window.leadsAgentRaised || 0") >= 1, "the alert (sound and notification) was raised");

        // The outbox rings the owner; the banner says so truthfully.
        for (var i = 0; i < 100 && !fx.PlacedCalls.Any(c => c["To"] == alertPhone); i++)
        {
            await Task.Delay(100, ct);
        }

        Assert.Single(fx.PlacedCalls, c => c["To"] == alertPhone);
        await Assertions.Expect(banner.GetByTestId("alert-state")).ToContainTextAsync("Calling you now", new() { Timeout = 3000 });
        await BrowserFixture.ScreenshotAsync(page, "live-overview-emergency");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "live-overview-emergency-phone");
        var (fits, culprits) = await BrowserFixture.FitsWidthAsync(page);
        Assert.True(fits, "the banner does not fit a phone: " + culprits);

        await banner.GetByTestId("acknowledge").ClickAsync();
        await Assertions.Expect(banner).ToHaveCountAsync(0, new() { Timeout = 2000 });
        await Assertions.Expect(page).Not.ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("EMERGENCY"));

        // Past the escalation time, the backup number was never rung and the escalation row is cancelled.
        await Task.Delay(8000, ct);
        Assert.DoesNotContain(fx.PlacedCalls, c => c["To"] == "+15550001111");
        Assert.Equal(1, await fx.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM notifications WHERE business_id = '{businessId}' AND kind = 'OWNER_ALERT_CALL' AND status = 'CANCELLED'"));
        var lead = await (await owner.GetAsync($"/api/admin/leads?priority=URGENT", ct)).JsonAsync(System.Net.HttpStatusCode.OK);
        Assert.Single(lead.AsArray());
        Assert.Equal(email, await fx.Database.ScalarAsync<string>($"SELECT alert_acknowledged_by FROM leads WHERE business_id = '{businessId}'"));
        Assert.Empty(errors);
    }
}
