using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Persistence;

namespace LeadsAgent.Tests.Unit.Entities;

/// <summary>Entity validation through the engine, turn by turn: what a caller hears when an answer is not what was asked.</summary>
public class EntityEngineTests
{
    sealed class NoKnowledge : IKnowledgeRetriever
    {
        public Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<KnowledgePassage>>([]);
    }

    static readonly DateTimeOffset s_now = EntityTestData.Now;

    static (ConversationEngine Engine, TurnContext Ctx, ConversationSession Session) Plumber(Channel channel = Channel.CHAT, string timeZone = "America/Chicago")
    {
        var business = Business.Create("Acme Plumbing & Heating", BusinessType.PLUMBING, PlanTier.PRO, s_now);
        business.TimeZone = timeZone;
        var config = new AgentConfig { BusinessId = business.Id };
        // The demo plumber's questions: problem, name, phone, address, time, email.
        config.AddQuestions(PlanTier.PRO, DemoData.AcmeQuestions.Take(6), s_now);
        var session = ConversationSession.Start(channel == Channel.VOICE ? "CA-entities" : "chat-entities", business.Id, channel, s_now);
        return (new ConversationEngine(new LocalLanguageModel(), new NoKnowledge()), new TurnContext(business, config, s_now), session);
    }

    static async Task<TurnResult> Say(ConversationEngine engine, ConversationSession session, TurnContext ctx, string text) =>
        await engine.HandleAsync(session, text, ctx, TestContext.Current.CancellationToken);

    static async Task<(ConversationEngine, TurnContext, ConversationSession)> AtTheAddressQuestion(Channel channel = Channel.CHAT)
    {
        var (engine, ctx, session) = Plumber(channel);
        await Say(engine, session, ctx, "my kitchen sink is clogged");
        await Say(engine, session, ctx, "Jane Doe");
        var r = await Say(engine, session, ctx, "555 123 4567");
        if (channel == Channel.VOICE)
        {
            r = await Say(engine, session, ctx, "yes");
        }

        Assert.EndsWith("What's the address of the property?", channel == Channel.VOICE ? r.Spoken.PlainText : r.Reply, StringComparison.Ordinal);
        return (engine, ctx, session);
    }

    [Fact]
    public async Task AJobDescriptionAsTheAddress_IsReAsked_ThenARealAddressIsAccepted()
    {
        var (engine, ctx, session) = await AtTheAddressQuestion();

        var r = await Say(engine, session, ctx, "replace old 40 gallon gas water heater");
        Assert.EndsWith(AnswerValidator.JobInsteadOfAddressHint, r.Reply, StringComparison.Ordinal);
        Assert.Null(r.Lead);

        r = await Say(engine, session, ctx, "oh sorry, 42 Oak Street, Springfield");
        Assert.EndsWith("When would be a good time for us to come out?", r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "tomorrow morning");
        r = await Say(engine, session, ctx, "jane@example.com");
        Assert.Equal("42 Oak Street, Springfield", r.Lead!.Address);
    }

    [Fact]
    public async Task APlaceInTheCallersWords_IsReadBack_AndKeptOnYes()
    {
        var (engine, ctx, session) = await AtTheAddressQuestion();

        var r = await Say(engine, session, ctx, "the old mill by the river");
        Assert.EndsWith("Is \u201cthe old mill by the river\u201d the address where you need us?", r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "yes that's it");
        Assert.EndsWith("When would be a good time for us to come out?", r.Reply, StringComparison.Ordinal);
        await Say(engine, session, ctx, "whenever");
        r = await Say(engine, session, ctx, "skip");
        Assert.Equal("the old mill by the river", r.Lead!.Address);
    }

    [Fact]
    public async Task APlaceTheCallerDenies_IsNotKept_AndTheAddressIsAskedAgain()
    {
        var (engine, ctx, session) = await AtTheAddressQuestion();

        await Say(engine, session, ctx, "Springfield");
        var r = await Say(engine, session, ctx, "no");
        Assert.Contains("Sorry about that.", r.Reply, StringComparison.Ordinal);
        Assert.EndsWith(AnswerValidator.Hint(ctx.Questions.First(q => q.ExpectedFormat == ExpectedFormat.ADDRESS), Channel.CHAT), r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "no wait, it's 9 Elm Court");
        Assert.EndsWith("When would be a good time for us to come out?", r.Reply, StringComparison.Ordinal);
        Assert.Contains(session.Capture.Answers.Values, a => a.Value == "9 Elm Court");
    }

    [Fact]
    public async Task OnACall_APlaceIsReadBackWithoutQuotes_AndABetterAnswerReplacesIt()
    {
        var (engine, ctx, session) = await AtTheAddressQuestion(Channel.VOICE);

        var r = await Say(engine, session, ctx, "the house behind the church");
        Assert.EndsWith("Is the house behind the church the address where you need us?", r.Spoken.PlainText, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "actually it's 17 Church Lane");
        Assert.EndsWith("When would be a good time for us to come out?", r.Spoken.PlainText, StringComparison.Ordinal);
        Assert.Contains(session.Capture.Answers.Values, a => a.Value == "17 Church Lane");
    }

    [Fact]
    public async Task AnEmergencyDuringTheReadBack_GoesFirst_AndThePlaceIsNotKept()
    {
        var (engine, ctx, session) = await AtTheAddressQuestion();

        await Say(engine, session, ctx, "the old mill by the river");
        var r = await Say(engine, session, ctx, "wait, I smell gas now");
        Assert.StartsWith("If you smell gas, leave the building now.", r.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("the address where you need us", r.Reply, StringComparison.Ordinal);
        Assert.Null(session.Capture.PendingPlace);
        Assert.DoesNotContain(session.Capture.Answers.Values, a => a.Value == "the old mill by the river");
    }

    [Fact]
    public async Task ANonName_IsRefused_AndAProblemAsTheTime_IsReAsked()
    {
        var (engine, ctx, session) = Plumber();
        await Say(engine, session, ctx, "I need a new kitchen faucet installed");

        var r = await Say(engine, session, ctx, "yes");
        Assert.EndsWith(AnswerValidator.NotANameHint, r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "kitchen sink leaking");
        Assert.EndsWith(AnswerValidator.NotANameHint, r.Reply, StringComparison.Ordinal);
        Assert.Null(session.CallerName);
        r = await Say(engine, session, ctx, "it's Maria");
        Assert.EndsWith("What's the best number to reach you on?", r.Reply, StringComparison.Ordinal);
        await Say(engine, session, ctx, "5551234567");
        r = await Say(engine, session, ctx, "12 Elm Street");
        Assert.EndsWith("When would be a good time for us to come out?", r.Reply, StringComparison.Ordinal);

        r = await Say(engine, session, ctx, "it broke yesterday");
        Assert.EndsWith(AnswerValidator.NotATimeHint, r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "next Tuesday after 3");
        Assert.EndsWith("What's your email address, for the confirmation?", r.Reply, StringComparison.Ordinal);
        Assert.Contains(session.Capture.Answers.Values, a => a.Value == "2026-11-24T15:00:00-06:00");
    }

    [Fact]
    public async Task AProblemThatHappenedOnADay_DoesNotAnswerTheTimeQuestion()
    {
        var (engine, ctx, session) = Plumber();
        await Say(engine, session, ctx, "my water heater stopped working on Monday");
        await Say(engine, session, ctx, "Jane Doe");
        await Say(engine, session, ctx, "5551234567");
        var r = await Say(engine, session, ctx, "12 Elm Street");
        Assert.EndsWith("When would be a good time for us to come out?", r.Reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("America/Chicago", "+15551234567")]
    [InlineData("America/Mexico_City", "+525551234567")]
    public async Task ASpanishLeadCapture_EndsWithTheNumberSaidInSpanishWords(string timeZone, string phone)
    {
        var (engine, ctx, session) = Plumber(Channel.CHAT, timeZone);

        await Say(engine, session, ctx, "Hola, necesito cambiar el calentador de agua");
        var r = await Say(engine, session, ctx, "me llamo Ana García");
        Assert.EndsWith("What's the best number to reach you on?", r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "cinco cinco cinco, uno dos tres, cuatro cinco seis siete");
        Assert.EndsWith("What's the address of the property?", r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "cambiar el calentador viejo");
        // The visitor writes Spanish, so the agent's own re-ask is Spanish; the owner's questions stay as the owner wrote them.
        Assert.EndsWith(AgentPhrases.Say(AgentPhrase.HintJobNotAddress, "es"), r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "Calle Mayor 12, colonia Centro");
        Assert.EndsWith("When would be a good time for us to come out?", r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "mañana por la tarde");
        Assert.EndsWith("What's your email address, for the confirmation?", r.Reply, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "ana punto garcia arroba gmail punto com");

        var lead = r.Lead;
        Assert.NotNull(lead);
        Assert.Equal(phone, lead.ContactPhone);
        Assert.Equal("cinco cinco cinco, uno dos tres, cuatro cinco seis siete", lead.CapturedData.Values.Single(a => a.Value == phone).Utterance);
        Assert.Equal("Ana García", lead.ContactName);
        Assert.Equal("ana.garcia@gmail.com", lead.ContactEmail);
        Assert.Equal("Calle Mayor 12, colonia Centro", lead.Address);
        Assert.Contains(lead.CapturedData.Values, a => a.Value.StartsWith("2026-11-22T14:00:00", StringComparison.Ordinal));
        Assert.False(lead.Partial);
    }

    [Fact]
    public async Task OnACall_ASpanishNumberIsReadBack_ThenKept()
    {
        var (engine, ctx, session) = Plumber(Channel.VOICE);
        await Say(engine, session, ctx, "se tapó el fregadero de la cocina");
        await Say(engine, session, ctx, "soy Luis");
        var r = await Say(engine, session, ctx, "cinco cinco cinco, dos cero uno, cuarenta y cuatro setenta y siete");
        Assert.Contains("5 5 5, 2 0 1, 4 4 7 7", r.Spoken.PlainText, StringComparison.Ordinal);
        r = await Say(engine, session, ctx, "sí");
        Assert.EndsWith("What's the address of the property?", r.Spoken.PlainText, StringComparison.Ordinal);
    }
}
