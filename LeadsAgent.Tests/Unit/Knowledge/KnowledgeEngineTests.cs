using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Persistence;

namespace LeadsAgent.Tests.Unit.Knowledge;

/// <summary>The engine's knowledge answers and honesty, over the lexicon's relevance without a database.</summary>
public class KnowledgeEngineTests
{
    /// <summary>
    /// Retrieval as the hybrid retriever re-ranks it (relevance through the lexicon, words weighed by how many entries
    /// use them), over entries in memory: the full-text and vector candidates are simply all entries.
    /// </summary>
    sealed class LexiconKnowledge(IEnumerable<(string Title, string Content)> entries) : IKnowledgeRetriever
    {
        readonly List<(string Title, string Content, HashSet<string> Stems)> _entries =
            [.. entries.Select(e => (e.Title, e.Content, KnowledgeText.Words(KnowledgeText.Fold(e.Title + " " + e.Content)).Select(KnowledgeText.Stem).ToHashSet()))];

        public Task<IReadOnlyList<KnowledgePassage>> RetrieveAsync(Guid businessId, string question, int limit, CancellationToken ct)
        {
            var parsed = KnowledgeQuestion.Parse(question);
            var statistics = new WordStatistics(_entries.Count,
                parsed.Words.Distinct().ToDictionary(w => w, w => _entries.Count(e => e.Stems.Contains(KnowledgeText.Stem(w)))));
            IReadOnlyList<KnowledgePassage> found = [.. _entries
                .Select(e => (e, Relevance: KnowledgeRelevance.Score(parsed, e.Title, e.Content, statistics)))
                .Where(x => x.Relevance.Answers)
                .OrderByDescending(x => x.Relevance.Coverage)
                .Take(limit)
                .Select(x => new KnowledgePassage(Guid.NewGuid(), x.e.Title, x.e.Title, x.e.Content, x.Relevance.Coverage))];
            return Task.FromResult(found);
        }
    }

    static readonly DateTimeOffset s_now = new(2026, 11, 21, 16, 0, 0, TimeSpan.Zero);

    static (ConversationEngine Engine, TurnContext Ctx) Acme(IEnumerable<(string Title, string Content)>? entries = null)
    {
        var business = Business.Create("Acme Plumbing & Heating", BusinessType.PLUMBING, PlanTier.PRO, s_now);
        var config = new AgentConfig { BusinessId = business.Id };
        config.AddQuestions(PlanTier.PRO, DemoData.AcmeQuestions.Take(6), s_now);
        var knowledge = new LexiconKnowledge(entries ?? DemoData.SampleKnowledge().Select(e => (e.Title, e.Content)));
        return (new ConversationEngine(new LocalLanguageModel(), knowledge), new TurnContext(business, config, s_now, "+15557654321"));
    }

    static async Task<TurnResult> AskAsync(string text, IEnumerable<(string Title, string Content)>? entries = null)
    {
        var (engine, ctx) = Acme(entries);
        var session = ConversationSession.Start(Guid.NewGuid().ToString(), ctx.Business.Id, Domain.Leads.Channel.CHAT, s_now);
        return await engine.HandleAsync(session, text, ctx, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task PayOverTime_IsAnsweredWithFinancing_NotPaymentMethods()
    {
        var r = await AskAsync("can I pay over time?");
        Assert.Contains("Financing is available for projects over $1,000", r.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("We accept cash", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuaranteeOnANewInstall_IsAnsweredWithTheWarranty()
    {
        var r = await AskAsync("how long is your guarantee on a new install?");
        Assert.Contains("All our workmanship is guaranteed for one year.", r.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("$1,450", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatAreYourHours_IsAnsweredWithOpeningHours_NotTheCallOutFee()
    {
        var r = await AskAsync("what are your hours?");
        Assert.Contains("Monday to Friday from 7am to 6pm", r.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("$89", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneComeLookAtMySink_IsAnsweredWithTheServiceCallFee_AndTheRequestIsTaken()
    {
        var r = await AskAsync("can someone come look at my sink?");
        Assert.Contains("A standard service call during business hours costs $89", r.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("I'm not sure", r.Reply, StringComparison.Ordinal);
        Assert.EndsWith("May I have your name, please?", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOffTopicQuestion_GetsAnHonestIDontKnow_NotTheNearestPassage()
    {
        var r = await AskAsync("do you do pool pump repair?");
        Assert.Contains("I'm not sure about that", r.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("sump pump", r.Reply, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("$89", r.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("I can help with that", r.Reply, StringComparison.Ordinal);
        Assert.Equal("do you do pool pump repair?", r.UnansweredQuestion);
    }

    [Fact]
    public async Task AQuoteRequest_WithNoMatchingEntry_StartsCaptureWarmly_WithoutIDontKnow()
    {
        var r = await AskAsync("hi, I need a quote for a new water heater", [("Opening hours", "We are open Monday to Friday from 8am to 5pm.")]);
        Assert.DoesNotContain("I'm not sure", r.Reply, StringComparison.Ordinal);
        Assert.StartsWith("I can help with that.", r.Reply, StringComparison.Ordinal);
        Assert.EndsWith("May I have your name, please?", r.Reply, StringComparison.Ordinal);
        Assert.Null(r.UnansweredQuestion);
    }

    [Fact]
    public async Task AQuestionAndARequest_WithNoMatchingEntry_IsHonest_WithoutClaimingToHelpFirst()
    {
        var r = await AskAsync("how much is a new water heater? I need one installed", [("Opening hours", "We are open Monday to Friday from 8am to 5pm.")]);
        Assert.StartsWith("I'm not sure about that", r.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("I can help with that", r.Reply, StringComparison.Ordinal);
        Assert.EndsWith("May I have your name, please?", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABurstPipe_GetsTheMainValveScript_ThenTheBusinessOwnAdvice()
    {
        var r = await AskAsync("a pipe just burst under my kitchen sink");
        Assert.Equal(Hazard.Water, r.Triage.Hazard);
        Assert.StartsWith(SafetyScripts.For(Hazard.Water, "en")!.Text, r.Reply, StringComparison.Ordinal);
        Assert.Contains("shut off the main water valve", r.Reply, StringComparison.Ordinal);
        Assert.Contains("turn off the main water shut-off valve right away", r.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADescriptionThatTheKnowledgeCovers_IsAnsweredBeforeTheFirstQuestion()
    {
        var r = await AskAsync("my toilet keeps running all night");
        Assert.Contains("We fix running, leaking and wobbly toilets", r.Reply, StringComparison.Ordinal);
        Assert.EndsWith("May I have your name, please?", r.Reply, StringComparison.Ordinal);
    }
}
