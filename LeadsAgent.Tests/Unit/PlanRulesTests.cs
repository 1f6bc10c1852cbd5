using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Plans;

namespace LeadsAgent.Tests.Unit;

public class PlanRulesTests
{
    [Theory]
    [InlineData(PlanTier.FREE, PlanTier.FREE, true)]
    [InlineData(PlanTier.FREE, PlanTier.BASIC, false)]
    [InlineData(PlanTier.BASIC, PlanTier.PRO, false)]
    [InlineData(PlanTier.PRO, PlanTier.BASIC, true)]
    [InlineData(PlanTier.PRO, PlanTier.PRO, true)]
    public void IsPlanSufficient_FollowsTheHierarchy(PlanTier current, PlanTier required, bool expected) =>
        Assert.Equal(expected, PlanRules.IsPlanSufficient(current, required));

    [Fact]
    public void Features_MatchTheDesignMatrix()
    {
        Assert.Equal([PlanFeature.ChatWidget, PlanFeature.BasicFaq], PlanRules.Features(PlanTier.FREE));
        Assert.Contains(PlanFeature.KnowledgeBaseManagement, PlanRules.Features(PlanTier.BASIC));
        Assert.Contains(PlanFeature.PriorityEmail, PlanRules.Features(PlanTier.BASIC));
        Assert.Contains(PlanFeature.BasicAnalytics, PlanRules.Features(PlanTier.BASIC));
        Assert.DoesNotContain(PlanFeature.VoiceAgent, PlanRules.Features(PlanTier.BASIC));
        Assert.Equal(Enum.GetValues<PlanFeature>(), PlanRules.Features(PlanTier.PRO));
    }

    [Fact]
    public void QuestionLimit_IsFiveOnFreeAndUnlimitedAbove()
    {
        Assert.Equal(5, PlanRules.QuestionLimit(PlanTier.FREE));
        Assert.Null(PlanRules.QuestionLimit(PlanTier.BASIC));
        Assert.Null(PlanRules.QuestionLimit(PlanTier.PRO));
    }

    [Fact]
    public void ShowBranding_IsHiddenOnlyOnPro()
    {
        Assert.True(PlanRules.ShowBranding(PlanTier.FREE));
        Assert.True(PlanRules.ShowBranding(PlanTier.BASIC));
        Assert.False(PlanRules.ShowBranding(PlanTier.PRO));
    }

    [Fact]
    public void AddQuestion_SixthOnFree_ThrowsUpgradeRequiredNamingBasic()
    {
        var config = new AgentConfig();
        for (var i = 0; i < 5; i++)
        {
            config.AddQuestion(PlanTier.FREE, new LeadCaptureQuestion { QuestionText = $"Q{i}" }, DateTimeOffset.UtcNow);
        }

        var ex = Assert.Throws<PlanUpgradeRequiredException>(() =>
            config.AddQuestion(PlanTier.FREE, new LeadCaptureQuestion { QuestionText = "Q6" }, DateTimeOffset.UtcNow));
        Assert.Equal(PlanTier.FREE, ex.CurrentPlan);
        Assert.Equal(PlanTier.BASIC, ex.RequiredPlan);
        Assert.Equal(5, config.Questions.Count);
    }

    [Fact]
    public void ChangePlan_ReturnsAuditRecord_AndNothingWhenUnchanged()
    {
        var business = Business.Create("Acme", BusinessType.PLUMBING, PlanTier.FREE, DateTimeOffset.UtcNow);
        var change = business.ChangePlan(PlanTier.PRO, null, "admin@x.test", DateTimeOffset.UtcNow);
        Assert.NotNull(change);
        Assert.Equal((PlanTier.FREE, PlanTier.PRO), (change.FromPlan, change.ToPlan));
        Assert.Equal(PlanTier.PRO, business.PlanTier);
        Assert.Null(business.ChangePlan(PlanTier.PRO, null, "admin@x.test", DateTimeOffset.UtcNow));
    }
}
