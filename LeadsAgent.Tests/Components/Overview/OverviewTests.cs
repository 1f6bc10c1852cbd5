using System.Net.Http.Json;
using Bunit;
using LeadsAgent.Infrastructure.Events;
using LeadsAgent.Tests.Support;
using Microsoft.AspNetCore.Components;
using OverviewPage = LeadsAgent.Web.Components.Pages.Overview.Overview;

namespace LeadsAgent.Tests.Components.Overview;

public class OverviewTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task Overview_CountersChangeOnTheLiveEvent()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var (businessId, _, email) = await fx.CreateBusinessAsync("BASIC");
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = host.Render<OverviewPage>();
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=count-leads]").TextContent.Trim()));

        await new SeedLead("Ann Bell", Priority: "URGENT").InsertAsync(fx.Database, businessId);
        await new SeedLead("Bob Carr").InsertAsync(fx.Database, businessId);
        // Stored but not announced yet: the page does not poll, so it still shows 0.
        await Task.Delay(300, ct);
        Assert.Equal("0", cut.Find("[data-testid=count-leads]").TextContent.Trim());

        await host.Get<ILiveEvents>().PublishAsync(LiveEvent.Create(LiveEvent.LeadCaptured, businessId, "chat_a", new { priority = "NORMAL" }, DateTimeOffset.UtcNow), ct);

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=count-leads]").TextContent.Trim()));
        Assert.Equal("1", cut.Find("[data-testid=count-emergencies]").TextContent.Trim());
        Assert.Contains("Ann Bell", cut.Find("[data-testid=today-leads]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_YesterdayInTheBusinessesTimeZoneIsNotToday()
    {
        var (businessId, owner, email) = await fx.CreateBusinessAsync("BASIC");
        // Chicago: a lead at 05:00 UTC today was yesterday evening there unless it is already past 06:00 UTC.
        (await owner.PutAsJsonAsync("/api/admin/business", new { timeZone = "America/Chicago" }, Xunit.TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var localMidnight = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, chicago).Date;
        var startOfToday = new DateTimeOffset(localMidnight, chicago.GetUtcOffset(localMidnight)).ToUniversalTime();
        await new SeedLead("Late Evening", CreatedAt: startOfToday.AddMinutes(-30)).InsertAsync(fx.Database, businessId);
        await new SeedLead("Early Morning", CreatedAt: startOfToday.AddMinutes(30)).InsertAsync(fx.Database, businessId);
        await using var host = ComponentHost.ForOwner(fx, businessId, email);
        host.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = host.Render<OverviewPage>();

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=count-leads]").TextContent.Trim()));
        Assert.Contains("Early Morning", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Late Evening", cut.Markup, StringComparison.Ordinal);
    }
}
