using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Persistence;

namespace LeadsAgent.Tests.Unit.Triage;

/// <summary>The ladder through the engine: questions with emergency words are answered; emergencies hear their hazard's script first.</summary>
public class EngineTriageTests
{
    /// <summary>A plumber's knowledge: opening hours, and what to do about a burst pipe (matched by shared words).</summary>
    sealed class PlumberKnowledge : IKnowledgeRetriever
    {
        static readonly KnowledgePassage[] s_passages =
        [
            new(Guid.NewGuid(), "Opening hours", "Opening hours", "We are open Monday to Friday from 7am to 6pm. Emergency call-outs are answered 24/7, Christmas and holidays included.", 0),
            new(Guid.NewGuid(), "Burst pipes", "Emergencies > Burst pipes", "If a pipe bursts, turn off the main water valve: in most of our customers' homes it is next to the water meter in the basement. Our prices for repairs start at $180.", 0),
        ];

        public Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, CancellationToken ct)
        {
            var q = question.ToLowerInvariant();
            IReadOnlyList<KnowledgePassage> hits = [.. s_passages.Where(p => (p.Title + " " + p.Content).ToLowerInvariant().Split(' ', '.', ',', ':').Any(w => w.Length > 4 && q.Contains(w)))];
            return Task.FromResult(hits);
        }
    }

    static readonly DateTimeOffset s_now = new(2026, 12, 2, 16, 0, 0, TimeSpan.Zero);

    static (ConversationEngine Engine, TurnContext Ctx) Plumber(string language = "en-US")
    {
        var business = Business.Create("Acme Plumbing & Heating", BusinessType.PLUMBING, PlanTier.PRO, s_now);
        var config = new AgentConfig { BusinessId = business.Id, TwilioLanguage = language };
        config.AddQuestions(PlanTier.PRO, DemoData.AcmeQuestions.Take(6), s_now);
        return (new ConversationEngine(new LocalLanguageModel(), new PlumberKnowledge()), new TurnContext(business, config, s_now, "+15557654321"));
    }

    static Task<TurnResult> Say(ConversationEngine engine, ConversationSession session, TurnContext ctx, string text) =>
        engine.HandleAsync(session, text, ctx, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("are you open on Christmas for emergencies?")]
    [InlineData("do you do emergency repairs on holidays?")]
    public async Task AQuestionWithAnEmergencyWord_IsAnsweredNotTriaged(string question)
    {
        var (engine, ctx) = Plumber();
        var session = ConversationSession.Start("chat-q", ctx.Business.Id, Channel.CHAT, s_now);

        var r = await Say(engine, session, ctx, question);

        Assert.NotEqual(LeadPriority.URGENT, r.Triage.Priority);
        Assert.False(session.EmergencyDetected);
        Assert.Null(r.Triage.SafetyScript);
        Assert.Contains("Emergency call-outs are answered 24/7", r.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("flagging it for our on-call team", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABurstPipe_HearsTheWaterScriptFirst_ThenTheBusinessesOwnAdvice()
    {
        var (engine, ctx) = Plumber();
        var session = ConversationSession.Start("chat-w", ctx.Business.Id, Channel.CHAT, s_now);

        var r = await Say(engine, session, ctx, "a pipe burst in the basement and water is pouring everywhere");

        Assert.Equal(LeadPriority.URGENT, r.Triage.Priority);
        Assert.Equal(Hazard.Water, r.Triage.Hazard);
        Assert.StartsWith(SafetyScripts.For(Hazard.Water, "en").Text, r.Reply, StringComparison.Ordinal);
        Assert.Contains("next to the water meter in the basement", r.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("$180", r.Reply, StringComparison.Ordinal);
        Assert.Contains("on-call team", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASpanishCaller_HearsTheScriptInSpanish()
    {
        var (engine, ctx) = Plumber();
        var session = ConversationSession.Start("chat-es", ctx.Business.Id, Channel.CHAT, s_now);

        var r = await Say(engine, session, ctx, "se reventó un tubo y sale mucha agua en la cocina");

        Assert.Equal(Hazard.Water, r.Triage.Hazard);
        Assert.StartsWith("Si puede llegar sin peligro, cierre ahora la llave de paso principal del agua.", r.Reply, StringComparison.Ordinal);
        Assert.Equal("es", r.Triage.SafetyScript!.Language);
    }

    [Fact]
    public async Task ASpanishBusinessOnThePhone_SaysTheScriptInSpanish()
    {
        var (engine, ctx) = Plumber("es-MX");
        var session = ConversationSession.Start("CA-es", ctx.Business.Id, Channel.VOICE, s_now);

        var r = await Say(engine, session, ctx, "fuga de gas!");

        Assert.Equal(LeadPriority.URGENT, r.Triage.Priority);
        Assert.StartsWith("Si huele a gas, salga del edificio ahora.", r.Spoken.PlainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the power is out and my mother is on a home oxygen machine", Hazard.Medical, "If someone's life depends on that equipment, call 911 now.")]
    [InlineData("the carbon monoxide alarm is going off", Hazard.CarbonMonoxide, "Carbon monoxide can kill.")]
    [InlineData("a power line came down on our fence", Hazard.Electrical, "Stay away from the wires")]
    [InlineData("there's smoke coming out of the outlet", Hazard.Fire, "If there is fire, smoke or sparking")]
    public async Task EachHazard_SaysItsOwnScriptBeforeAnythingElse(string message, Hazard hazard, string opening)
    {
        var (engine, ctx) = Plumber();
        var session = ConversationSession.Start("chat-h", ctx.Business.Id, Channel.CHAT, s_now);

        var r = await Say(engine, session, ctx, message);

        Assert.Equal(hazard, r.Triage.Hazard);
        Assert.StartsWith(opening, r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailureThatIsNotDangerous_IsHighWithNoScript()
    {
        var (engine, ctx) = Plumber();
        var session = ConversationSession.Start("chat-hi", ctx.Business.Id, Channel.CHAT, s_now);

        var r = await Say(engine, session, ctx, "our water heater isn't heating, we have no hot water");

        Assert.Equal(LeadPriority.HIGH, r.Triage.Priority);
        Assert.Null(r.Triage.SafetyScript);
        Assert.StartsWith("I'm sorry to hear that.", r.Reply, StringComparison.Ordinal);
    }
    [Fact]
    public async Task ASparkingOutlet_HearsTheElectricalScript()
    {
        var (engine, ctx) = Plumber();
        var session = ConversationSession.Start("chat-sp", ctx.Business.Id, Channel.CHAT, s_now);

        var r = await Say(engine, session, ctx, "there are sparks coming out of the outlet behind the fridge");

        Assert.Equal((LeadPriority.URGENT, Hazard.Electrical), (r.Triage.Priority, r.Triage.Hazard));
        Assert.StartsWith("Stay away from the wires", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACallerWhoseProblemHasGone_IsNotAskedForTheirDetails()
    {
        var (engine, ctx) = Plumber();
        var session = ConversationSession.Start("chat-nvm", ctx.Business.Id, Channel.CHAT, s_now);

        var r = await Say(engine, session, ctx, "never mind, my husband fixed it");

        Assert.Equal(LeadPriority.LOW, r.Triage.Priority);
        Assert.Contains("anything else", r.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("name", r.Reply, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnswersToTheAgentsQuestions_DoNotRaiseAQuotesPriority()
    {
        var (engine, ctx) = Plumber();
        var session = ConversationSession.Start("chat-quote", ctx.Business.Id, Channel.CHAT, s_now);

        await Say(engine, session, ctx, "hi, I need a quote for a new 50 gallon water heater");
        await Say(engine, session, ctx, "Maria Lopez, and my husband is Carlos");
        await Say(engine, session, ctx, "we're home all day tomorrow so anytime works, we have a newborn so please knock softly");

        Assert.Equal(LeadPriority.NORMAL, session.Priority);
        Assert.False(session.EmergencyDetected);
    }
}
