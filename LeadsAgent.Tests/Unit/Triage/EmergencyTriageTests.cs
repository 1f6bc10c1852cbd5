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

/// <summary>The ladder per family (issue 17): priority and hazard together.</summary>
public class TriageLadderTests
{
    [Theory]
    [InlineData(BusinessType.HVAC, "i think there's a carbon monoxide leak, we all have headaches", LeadPriority.URGENT, Hazard.CarbonMonoxide)]
    [InlineData(BusinessType.PLUMBING, "the sump pump died and the basement is filling with water", LeadPriority.URGENT, Hazard.Water)]
    [InlineData(BusinessType.ELECTRICAL, "we lost power and my dad's oxygen concentrator is off", LeadPriority.URGENT, Hazard.Medical)]
    [InlineData(BusinessType.PLUMBING, "water is coming through the light fixture in the kitchen", LeadPriority.URGENT, Hazard.Electrical)]
    [InlineData(BusinessType.LAW, "the police are at my door with a warrant", LeadPriority.URGENT, Hazard.None)]
    [InlineData(BusinessType.REAL_ESTATE, "the lender pulled our financing and we close tomorrow", LeadPriority.URGENT, Hazard.None)]
    [InlineData(BusinessType.OTHER, "I'm locked out of my house and my baby is inside", LeadPriority.URGENT, Hazard.None)]
    [InlineData(BusinessType.HVAC, "the air conditioner stopped cooling", LeadPriority.HIGH, Hazard.None)]
    [InlineData(BusinessType.PLUMBING, "no hot water since yesterday", LeadPriority.HIGH, Hazard.None)]
    [InlineData(BusinessType.PLUMBING, "the garbage disposal is jammed", LeadPriority.HIGH, Hazard.None)]
    [InlineData(BusinessType.HVAC, "the thermostat is blank", LeadPriority.HIGH, Hazard.None)]
    [InlineData(BusinessType.PLUMBING, "the tap water is coming out brown", LeadPriority.HIGH, Hazard.None)]
    [InlineData(BusinessType.PLUMBING, "we have no water at all", LeadPriority.HIGH, Hazard.None)]
    [InlineData(BusinessType.PLUMBING, "the pilot light won't stay lit", LeadPriority.HIGH, Hazard.None)]
    [InlineData(BusinessType.REAL_ESTATE, "the buyer backed out two days before closing", LeadPriority.HIGH, Hazard.None)]
    [InlineData(BusinessType.ELECTRICAL, "the outlet sparked once yesterday, it's fine now", LeadPriority.HIGH, Hazard.None)]
    [InlineData(BusinessType.HVAC, "can you clean out a clogged dryer vent", LeadPriority.NORMAL, Hazard.None)]
    [InlineData(BusinessType.ELECTRICAL, "my neighbor's house caught fire from bad wiring, can you inspect mine", LeadPriority.NORMAL, Hazard.None)]
    [InlineData(BusinessType.PLUMBING, "are you open on Christmas for emergencies?", LeadPriority.NORMAL, Hazard.None)]
    [InlineData(BusinessType.HVAC, "do you do emergency gas repairs on weekends?", LeadPriority.NORMAL, Hazard.None)]
    [InlineData(BusinessType.PLUMBING, "huele a gas en la cocina", LeadPriority.URGENT, Hazard.Gas)]
    [InlineData(BusinessType.PLUMBING, "¿atienden emergencias en navidad?", LeadPriority.NORMAL, Hazard.None)]
    [InlineData(BusinessType.PLUMBING, "sorry, wrong number", LeadPriority.LOW, Hazard.None)]
    public void Assess_FollowsTheLadder(BusinessType trade, string text, LeadPriority priority, Hazard hazard)
    {
        var result = EmergencyTriage.Assess(text, trade);
        Assert.Equal((priority, hazard), (result.Priority, result.Hazard));
    }

    [Fact]
    public void AQuestionAboutServices_ExplainsWhyItsEmergencyWordWasIgnored()
    {
        var result = EmergencyTriage.Assess("are you open on Christmas for emergencies?", BusinessType.PLUMBING);
        Assert.Contains(result.Ignored, r => r.Rule.Contains("question about services", StringComparison.Ordinal));
    }

    [Fact]
    public void SafetyScripts_ExistForEveryHazardInEnglishAndSpanish_AndFallBackToEnglish()
    {
        Assert.Contains("en", SafetyScripts.Languages);
        Assert.Contains("es", SafetyScripts.Languages);
        foreach (var hazard in Enum.GetValues<Hazard>().Where(h => h != Hazard.None))
        {
            Assert.Equal("es", SafetyScripts.For(hazard, "es-MX").Language);
            Assert.NotEqual(SafetyScripts.For(hazard, "en").Text, SafetyScripts.For(hazard, "es").Text);
            Assert.Equal(SafetyScripts.For(hazard, "en").Text, SafetyScripts.For(hazard, "ja-JP").Text);
        }

        Assert.Contains("main water valve", SafetyScripts.For(Hazard.Water, "en").Text, StringComparison.Ordinal);
        Assert.Contains("outlets", SafetyScripts.For(Hazard.Water, "en").Text, StringComparison.Ordinal);
        Assert.Contains("breaker only if you can reach it safely", SafetyScripts.For(Hazard.Electrical, "en").Text, StringComparison.Ordinal);
    }
}
