using Bunit;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Components.Shared;
using LeadsAgent.Web.Live;
using Microsoft.AspNetCore.Components;

namespace LeadsAgent.Tests.Components.Overview;

public class EmergencyBannerTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    const string Reasons = """[{"Rule":"burst_pipe","Phrase":"pipe burst"}]""";

    [Fact]
    public async Task EmergencyBanner_AppearsOnTheEventAcknowledgesAndDisappears()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var (businessId, _, email) = await fx.CreateBusinessAsync("PRO");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = host.Render<EmergencyBanner>();
        // Loaded and listening before anything happens (an emergency already open at load is not announced again).
        cut.WaitForState(() => host.Get<DashboardFeed>().Listeners == 1, TimeSpan.FromSeconds(10));
        Assert.Empty(cut.FindAll("[data-testid=emergency-banner]"));

        // A new emergency lead is stored and announced, as the conversation service does.
        var leadId = await new SeedLead("Maria Lopez", "+15552014477", "URGENT", Address: "12 Elm Street", EmergencyReasons: Reasons)
            .InsertAsync(fx.Database, businessId);
        var escalation = await SeedLead.PendingAlertCallAsync(fx.Database, businessId, leadId, escalation: true);
        await host.Get<ILiveEvents>().PublishAsync(LiveEvent.Create(LiveEvent.EmergencyDetected, businessId, "chat_x", new { leadId }, DateTimeOffset.UtcNow), ct);

        cut.WaitForAssertion(() => Assert.Contains("Burst pipe", cut.Find("[data-testid=emergency-banner]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("Maria Lopez, 12 Elm Street", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("tel:+15552014477", cut.Find("a[href^='tel:']").GetAttribute("href"));
        Assert.Contains("About to call you", cut.Find("[data-testid=alert-state]").TextContent, StringComparison.Ordinal);
        // The sound and notification are raised once for the new emergency, and the tab title counts it.
        cut.WaitForAssertion(() => Assert.Single(host.JSInterop.Invocations, i => i.Identifier == "leadsAgent.alerts.raise"), TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.Contains(host.JSInterop.Invocations, i => i.Identifier == "leadsAgent.alerts.setEmergencies" && (int)i.Arguments[0]! == 1), TimeSpan.FromSeconds(10));

        cut.Find("[data-testid=acknowledge]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=emergency-banner]")), TimeSpan.FromSeconds(10));
        Assert.Equal(email, await fx.Database.ScalarAsync<string>($"SELECT alert_acknowledged_by FROM leads WHERE id = '{leadId}'"));
        Assert.Equal("CANCELLED", await fx.Database.ScalarAsync<string>($"SELECT status FROM notifications WHERE id = '{escalation}'"));
        cut.WaitForAssertion(() => Assert.Contains(host.JSInterop.Invocations, i => i.Identifier == "leadsAgent.alerts.setEmergencies" && (int)i.Arguments[0]! == 0), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task EmergencyBanner_AnotherBusinessesEmergencyNeverShows()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var (mine, _, email) = await fx.CreateBusinessAsync("PRO");
        var (theirs, _, _) = await fx.CreateBusinessAsync("PRO");
        await using var host = ComponentHost.ForOwner(fx, mine, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = host.Render<EmergencyBanner>();

        var leadId = await new SeedLead("Someone Else", Priority: "URGENT", EmergencyReasons: Reasons).InsertAsync(fx.Database, theirs);
        await host.Get<ILiveEvents>().PublishAsync(LiveEvent.Create(LiveEvent.EmergencyDetected, theirs, "chat_y", new { leadId }, DateTimeOffset.UtcNow), ct);
        // Mine: a non-urgent event that does reach this dashboard, so the wait below proves the other one was ignored.
        await host.Get<ILiveEvents>().PublishAsync(LiveEvent.Create(LiveEvent.EmergencyDetected, mine, "chat_z", null, DateTimeOffset.UtcNow), ct);
        await Task.Delay(500, ct);

        Assert.Empty(cut.FindAll("[data-testid=emergency-banner]"));
        Assert.DoesNotContain(host.JSInterop.Invocations, i => i.Identifier == "leadsAgent.alerts.raise");
    }
}
