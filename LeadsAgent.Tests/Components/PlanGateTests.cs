using Bunit;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Tests.Support;
using LeadsAgent.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace LeadsAgent.Tests.Components;

public class PlanGateTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    [Theory]
    [InlineData(PlanTier.FREE, PlanFeature.BasicAnalytics, false)]
    [InlineData(PlanTier.BASIC, PlanFeature.BasicAnalytics, true)]
    [InlineData(PlanTier.BASIC, PlanFeature.FullAnalytics, false)]
    [InlineData(PlanTier.PRO, PlanFeature.FullAnalytics, true)]
    [InlineData(PlanTier.FREE, PlanFeature.VoiceAgent, false)]
    [InlineData(PlanTier.PRO, PlanFeature.VoiceConfiguration, true)]
    public async Task PlanGate_ShowsContentExactlyWhenTheServerRulesAllowIt(PlanTier plan, PlanFeature feature, bool shown)
    {
        var (id, _, email) = await fx.CreateBusinessAsync(plan.ToString());
        await using var host = ComponentHost.ForOwner(fx, id, email);

        var cut = host.Render<PlanGate>(p => p
            .Add(g => g.Feature, feature)
            .Add(g => g.Plan, plan)
            .Add(g => g.ChildContent, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=\"inside\">the feature</p>"))));

        Assert.Equal(PlanRules.Allows(plan, feature), shown);
        Assert.Equal(shown, cut.FindAll("#inside").Count == 1);
        Assert.Equal(!shown, cut.FindAll($"[data-locked='{PlanGate.Slug(feature)}']").Count == 1);
    }

    [Fact]
    public async Task PlanGate_Locked_SaysWhichPlanHasItAndWhomToAsk()
    {
        var (id, _, email) = await fx.CreateBusinessAsync("FREE");
        await using var host = ComponentHost.ForOwner(fx, id, email);

        var cut = host.Render<PlanGate>(p => p.Add(g => g.Feature, PlanFeature.FullAnalytics).Add(g => g.Plan, PlanTier.FREE));

        Assert.Contains("comes with Pro", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("You're on the Free plan", cut.Markup, StringComparison.Ordinal);
        // The platform admin's contact, not a dead "ask your administrator".
        Assert.Contains($"mailto:{AppFactory.AdminEmail}", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Trends per day", cut.Markup, StringComparison.Ordinal);
    }
}
