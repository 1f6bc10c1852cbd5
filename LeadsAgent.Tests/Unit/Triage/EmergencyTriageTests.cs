using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Tests.Unit.Triage;

public class EmergencyTriageTests
{
    [Fact]
    public void Assess_GasSmellInKitchen_IsUrgentWithGasScriptAndReason()
    {
        var result = EmergencyTriage.Assess("I smell gas in my kitchen", BusinessType.PLUMBING);
        Assert.Equal(LeadPriority.URGENT, result.Priority);
        Assert.Equal(Hazard.Gas, result.SafetyScript!.Hazard);
        Assert.Contains("leave the building", result.SafetyScript.Text, StringComparison.Ordinal);
        Assert.Contains(result.Reasons, r => r.Rule == "gas_leak" && r.Phrase.Contains("smell gas", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_SpanishGas_GetsTheSpanishScript()
    {
        var result = EmergencyTriage.Assess("hay una fuga de gas en la casa", BusinessType.HVAC);
        Assert.Equal(LeadPriority.URGENT, result.Priority);
        Assert.Equal("es", result.SafetyScript!.Language);
        Assert.StartsWith("Si huele a gas", result.SafetyScript.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("there is no gas smell at all", "negated")]
    [InlineData("we had a burst pipe last year", "past event")]
    [InlineData("do you fix burst pipes", "not happening now")]
    [InlineData("what should i do if i smell gas", "not happening now")]
    public void Assess_IgnoredMatches_AreExplained(string text, string why)
    {
        var result = EmergencyTriage.Assess(text, BusinessType.PLUMBING);
        Assert.NotEqual(LeadPriority.URGENT, result.Priority);
        Assert.Null(result.SafetyScript);
        Assert.Contains(result.Ignored, r => r.Rule.Contains(why, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I'd like a fireplace insert")]
    [InlineData("quote for a fire pit gas line")]
    [InlineData("install flood lights on the garage")]
    [InlineData("please install smoke detectors upstairs")]
    [InlineData("where can I buy a carbon monoxide detector")]
    public void Assess_FalseFriends_AreNotEmergencies(string text) =>
        Assert.Equal(LeadPriority.NORMAL, EmergencyTriage.Assess(text, BusinessType.ELECTRICAL).Priority);

    [Fact]
    public void Assess_NotUrgent_CapsAProblemButNeverASafetyHazard()
    {
        Assert.Equal(LeadPriority.NORMAL, EmergencyTriage.Assess("not urgent, the faucet is leaking", BusinessType.PLUMBING).Priority);
        Assert.Equal(LeadPriority.URGENT, EmergencyTriage.Assess("not urgent but I smell gas", BusinessType.PLUMBING).Priority);
    }

    [Fact]
    public void Assess_OwnerKeywords_AreUrgentWithTheirInflections()
    {
        var result = EmergencyTriage.Assess("the sump pump alarms are going off", BusinessType.PLUMBING, ["sump pump alarm"]);
        Assert.Equal(LeadPriority.URGENT, result.Priority);
        Assert.Contains(result.Reasons, r => r.Rule == "owner_keyword");
        Assert.Equal(LeadPriority.NORMAL, EmergencyTriage.Assess("no sump pump alarm", BusinessType.PLUMBING, ["sump pump alarm"]).Priority);
    }

    [Fact]
    public void Assess_LawRules_ApplyToLawFirmsOnly()
    {
        Assert.Equal(LeadPriority.URGENT, EmergencyTriage.Assess("my son was arrested", BusinessType.LAW).Priority);
        Assert.NotEqual(LeadPriority.URGENT, EmergencyTriage.Assess("my son was arrested", BusinessType.PLUMBING).Priority);
        Assert.NotEqual(LeadPriority.URGENT, EmergencyTriage.Assess("my basement is flooding", BusinessType.LAW).Priority);
    }

    [Fact]
    public void Assess_NoHeat_IsHighUnlessPeopleAreAtRisk()
    {
        Assert.Equal(LeadPriority.HIGH, EmergencyTriage.Assess("no heat since this morning", BusinessType.HVAC).Priority);
        var baby = EmergencyTriage.Assess("no heat and we have a baby", BusinessType.HVAC);
        Assert.Equal(LeadPriority.URGENT, baby.Priority);
        Assert.Contains(baby.Reasons, r => r.Rule == "no_heat_with_people_at_risk");
    }

    [Fact]
    public void Assess_Empty_IsLow() => Assert.Equal(LeadPriority.LOW, EmergencyTriage.Assess("   ").Priority);
}
