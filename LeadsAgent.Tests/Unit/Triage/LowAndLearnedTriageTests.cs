using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Tests.Unit.Triage;

/// <summary>
/// The ladder's LOW (issue 17, second look): callers who are not customers and calls with nothing to act on, in the
/// seed's languages; that LOW never lowers a danger; and the corpus model's limits.
/// </summary>
public class LowAndLearnedTriageTests
{
    [Theory]
    [InlineData(BusinessType.PLUMBING, "Hi, this is Dana from BrightPath Marketing, we help plumbing companies rank on the first page of google")]
    [InlineData(BusinessType.HVAC, "we're a lead generation agency helping hvac contractors fill their calendars, who handles your marketing?")]
    [InlineData(BusinessType.ELECTRICAL, "hello, im a licensed journeyman looking for work, are you guys hiring?")]
    [InlineData(BusinessType.LAW, "oops sorry, I was trying to call the courthouse")]
    [InlineData(BusinessType.REAL_ESTATE, "hi we buy houses for cash, any distressed houses in your inventory?")]
    [InlineData(BusinessType.OTHER, "we're running a short survey of local businesses about energy costs, takes two minutes")]
    [InlineData(BusinessType.OTHER, "this is an automated message about your vehicle's extended warranty, press 1 to speak to a specialist")]
    [InlineData(BusinessType.HVAC, "perdón, me equivoqué de número")]
    [InlineData(BusinessType.OTHER, "hola buenas tardes, ando buscando trabajo de ayudante, ¿están contratando?")]
    [InlineData(BusinessType.REAL_ESTATE, "bonjour, excusez-moi, je crois que je me suis trompé de numéro")]
    [InlineData(BusinessType.PLUMBING, "entschuldigung, falsch verbunden")]
    [InlineData(BusinessType.LAW, "scusi, ho sbagliato numero")]
    [InlineData(BusinessType.HVAC, "desculpe, liguei para o número errado")]
    public void Assess_CallerWhoIsNotACustomer_IsLow(BusinessType trade, string text) =>
        Assert.Equal(LeadPriority.LOW, EmergencyTriage.Assess(text, trade).Priority);

    [Theory]
    [InlineData("we help emergency plumbers get more calls, is the owner around?")]
    [InlineData("we offer discounted leak detection gear for contractors, who does your purchasing?")]
    public void Assess_APitchFullOfTradeWords_IsLowNotAnEmergency(string text)
    {
        var result = EmergencyTriage.Assess(text, BusinessType.PLUMBING);
        Assert.Equal(LeadPriority.LOW, result.Priority);
        Assert.Null(result.SafetyScript);
    }

    [Theory]
    [InlineData("lol nvm my husband flipped the breaker back on, all good, thanks anyway")]
    [InlineData("never mind, it was just the breaker, flipped it and everything is back on")]
    [InlineData("no worries, the leak stopped on its own and my brother in law fixed it, cancel the visit, thanks")]
    [InlineData("just wanted to say thanks, mike fixed our toilet yesterday and it works great")]
    [InlineData("ya se arregló solo, muchas gracias de todos modos")]
    [InlineData("good morning!! have a blessed day")]
    public void Assess_NothingLeftToActOn_IsLow(string text) =>
        Assert.Equal(LeadPriority.LOW, EmergencyTriage.Assess(text, BusinessType.PLUMBING).Priority);

    [Theory]
    [InlineData("never mind the leak, it stopped, but can you quote a new water heater?", LeadPriority.NORMAL)]
    [InlineData("thanks for fixing the sink last week, but now it's leaking again", LeadPriority.HIGH)]
    public void Assess_ACallOffWithSomethingNewToDo_IsNotLow(string text, LeadPriority expected) =>
        Assert.Equal(expected, EmergencyTriage.Assess(text, BusinessType.PLUMBING).Priority);

    [Theory]
    [InlineData(BusinessType.PLUMBING, "sorry wrong number... actually wait, I smell gas in the kitchen", Hazard.Gas)]
    [InlineData(BusinessType.PLUMBING, "we're a marketing agency for plumbers, and by the way our office basement is flooding right now", Hazard.Water)]
    [InlineData(BusinessType.ELECTRICAL, "never mind the quote, the outlet in the kitchen is sparking", Hazard.Electrical)]
    [InlineData(BusinessType.ELECTRICAL, "thanks for yesterday, but now there's smoke coming out of the panel", Hazard.Fire)]
    [InlineData(BusinessType.HVAC, "hi I'm looking for work as an apprentice, also the co alarm here is going off", Hazard.CarbonMonoxide)]
    public void Assess_LowNeverLowersLifeSafety(BusinessType trade, string text, Hazard hazard)
    {
        var result = EmergencyTriage.Assess(text, trade);
        Assert.Equal((LeadPriority.URGENT, hazard), (result.Priority, result.Hazard));
    }

    [Fact]
    public void Assess_ARetractedDanger_IsNotAnEmergencyAndSaysWhy()
    {
        var result = EmergencyTriage.Assess("thought i smelled gas but it was just the trash can, sorry! what do you charge for a furnace tune up", BusinessType.HVAC);
        Assert.Equal(LeadPriority.NORMAL, result.Priority);
        Assert.Null(result.SafetyScript);
        Assert.Contains(result.Ignored, r => r.Rule.Contains("retracted", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("there are sparks coming out of my outlet", Hazard.Electrical)]
    [InlineData("the breaker panel is crackling and hot to the touch", Hazard.Electrical)]
    [InlineData("salen chispas del enchufe de la cocina y huele a quemado", Hazard.Electrical)]
    [InlineData("there's smoke coming out of the outlet", Hazard.Fire)]
    [InlineData("the dryer is smoking and the laundry room smells like something's burning", Hazard.Fire)]
    public void Assess_FireIsSmokeOrFlames_ElectricalFaultsGetTheElectricalScript(string text, Hazard hazard)
    {
        var result = EmergencyTriage.Assess(text, BusinessType.ELECTRICAL);
        Assert.Equal((LeadPriority.URGENT, hazard), (result.Priority, result.Hazard));
    }

    [Theory]
    [InlineData(BusinessType.PLUMBING, "oh wonderful, the basement is a swimming pool again and the water's almost up to the furnace", Hazard.Water)]
    [InlineData(BusinessType.PLUMBING, "toilet won't stop running over, water is going out of the bathroom onto the bedroom carpet", Hazard.Water)]
    [InlineData(BusinessType.ELECTRICAL, "water is leaking from the ceiling right onto the breaker panel", Hazard.Electrical)]
    [InlineData(BusinessType.HVAC, "uh the see oh detector keeps going off in the basement near the boiler", Hazard.CarbonMonoxide)]
    [InlineData(BusinessType.HVAC, "tem um cheiro forte de gás perto da caldeira, o que eu faço?", Hazard.Gas)]
    public void Assess_ConceptsInWordsNoRuleListed_AreUrgent(BusinessType trade, string text, Hazard hazard)
    {
        var result = EmergencyTriage.Assess(text, trade);
        Assert.Equal((LeadPriority.URGENT, hazard), (result.Priority, result.Hazard));
    }

    [Fact]
    public void Assess_ADispatchRequestWithAProblem_IsNotAServiceQuestion()
    {
        var result = EmergencyTriage.Assess("can you send someone now?? the water line to the icemaker split and the kitchen is flooding", BusinessType.PLUMBING);
        Assert.Equal((LeadPriority.URGENT, Hazard.Water), (result.Priority, result.Hazard));
    }

    [Fact]
    public void Assess_AProblemNoRuleKnows_IsHighFromTheCorpusModel()
    {
        var result = EmergencyTriage.Assess("the water coming out of every tap in the house has a weird blue tint", BusinessType.PLUMBING);
        Assert.Equal(LeadPriority.HIGH, result.Priority);
    }

    [Fact]
    public void Assess_AVendorNoRuleKnows_IsLowFromTheCorpusModel()
    {
        var result = EmergencyTriage.Assess("hey it's the parts counter, just letting you know the special order you placed is here now", BusinessType.HVAC);
        Assert.Equal(LeadPriority.LOW, result.Priority);
        Assert.Contains(result.Reasons, r => r.Rule == "learned_from_corpus");
    }

    // The engine triages every turn and keeps the highest priority, so answers to its questions must not raise it.
    [Theory]
    [InlineData("today please")]
    [InlineData("my wife and baby")]
    [InlineData("no kids just me")]
    [InlineData("we're home all day today so anytime")]
    [InlineData("it's me, my wife, our newborn and my mom")]
    [InlineData("tomorrow morning would be best for us")]
    [InlineData("Maria Lopez, and my husband is Carlos")]
    public void Assess_AnswersToTheAgentsQuestions_AreNotRaisedByTheModel(string answer)
    {
        var result = EmergencyTriage.Assess(answer, BusinessType.HVAC);
        Assert.True(result.Priority <= LeadPriority.NORMAL, $"{answer} -> {result.Priority}");
        Assert.DoesNotContain(result.Reasons, r => r.Rule == "learned_from_corpus");
    }

    [Fact]
    public void Assess_WhenTheCorpusModelSpeaks_ItBringsNoSafetyScriptAndNoRuleSpokeFirst()
    {
        foreach (var example in TriageCorpusTests.Corpus)
        {
            var result = EmergencyTriage.Assess(example.Text, example.Trade);
            if (result.Reasons.Any(r => r.Rule == "learned_from_corpus"))
            {
                Assert.Null(result.SafetyScript);
                Assert.Single(result.Reasons);
            }
        }
    }
}
