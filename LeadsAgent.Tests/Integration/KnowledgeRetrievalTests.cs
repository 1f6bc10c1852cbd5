using System.Net;
using System.Net.Http.Json;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Knowledge;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LeadsAgent.Tests.Integration;

public class KnowledgeRetrievalTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    async Task AddAsync(Guid businessId, params (string Title, string Content)[] entries)
    {
        await using var scope = fx.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(businessId);
        var business = await db.Businesses.SingleAsync(b => b.Id == businessId, TestContext.Current.CancellationToken);
        await scope.ServiceProvider.GetRequiredService<KnowledgeBase>().AddAsync(business, Domain.Plans.PlanTier.PRO,
            [.. entries.Select(e => new KnowledgeEntry(e.Title, e.Content))], TestContext.Current.CancellationToken);
    }

    /// <summary>A second instance's retriever: its own connection pool over the same database.</summary>
    static HybridKnowledgeRetriever OtherInstance(NpgsqlDataSource source) => new(source, new HashingEmbedder(),
        Options.Create(new KnowledgeOptions { SimilarityFloor = 0.18 }), NullLogger<HybridKnowledgeRetriever>.Instance);

    [Fact]
    public async Task Hybrid_retrieval_finds_the_right_passage_for_its_business_only()
    {
        var (a, _, _) = await fx.CreateBusinessAsync("PRO");
        var (b, _, _) = await fx.CreateBusinessAsync("PRO");
        await AddAsync(a, ("Opening hours", "We are open Monday to Friday from 7am to 6pm and on Saturdays until noon."), ("Drain cleaning", "Drain cleaning starts at $149 for one drain."));
        await AddAsync(b, ("Opening hours", "Business B opens at 9am every day."));
        var retriever = fx.App.Services.GetRequiredService<IKnowledgeRetriever>();

        var hours = await retriever.RetrieveAsync(a, "are you open on saturdays?", 3, TestContext.Current.CancellationToken);
        Assert.Equal("Opening hours", hours[0].Title);
        Assert.All(hours, p => Assert.DoesNotContain("Business B", p.Content, StringComparison.Ordinal));
        var typo = await retriever.RetrieveAsync(a, "how much is drain cleening", 3, TestContext.Current.CancellationToken);
        Assert.Equal("Drain cleaning", typo[0].Title);
        Assert.Empty(await retriever.RetrieveAsync(a, "do you sell garden gnomes", 3, TestContext.Current.CancellationToken));
        Assert.Empty(await retriever.RetrieveAsync(a, "?!", 3, TestContext.Current.CancellationToken));
        Assert.Empty(await retriever.RetrieveAsync(Guid.NewGuid(), "opening hours", 3, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_change_made_through_one_instance_is_found_by_another_at_once()
    {
        var (a, owner, _) = await fx.CreateBusinessAsync("PRO");
        var id = (await (await owner.PostAsJsonAsync("/api/admin/knowledge", new { title = "Pet policy", content = "Technicians are happy to work around friendly dogs." }, TestContext.Current.CancellationToken))
            .JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await using var source = KnowledgeVectors.DataSource(fx.Database.ConnectionString);
        var other = OtherInstance(source);
        var before = await other.RetrieveAsync(a, "are dogs ok around the technicians during the visit", 3, RetrievalMode.VectorOnly, TestContext.Current.CancellationToken);
        Assert.Contains("friendly dogs", before[0].Content, StringComparison.Ordinal);

        await owner.PutAsJsonAsync($"/api/admin/knowledge/{id}", new { title = "Pet policy", content = "Please keep cats and dogs in another room during the visit." }, TestContext.Current.CancellationToken);
        var after = await other.RetrieveAsync(a, "are dogs ok around the technicians during the visit", 3, RetrievalMode.VectorOnly, TestContext.Current.CancellationToken);
        Assert.Contains("another room", after[0].Content, StringComparison.Ordinal);

        await owner.DeleteAsync($"/api/admin/knowledge/{id}", TestContext.Current.CancellationToken);
        Assert.Empty(await other.RetrieveAsync(a, "are dogs ok around the technicians during the visit", 3, RetrievalMode.VectorOnly, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Passages_stored_without_vectors_are_re_embedded_in_the_background_worker()
    {
        var (a, _, _) = await fx.CreateBusinessAsync("PRO");
        await AddAsync(a, ("Parking", "Our vans need a parking space close to the door."));
        await fx.Database.ExecuteAsync($"UPDATE knowledge_chunks SET embedding = NULL, embedding_model = 'old-model' WHERE business_id = '{a}'");
        await using var source = KnowledgeVectors.DataSource(fx.Database.ConnectionString);
        var worker = new ReembedWorker(source, new HashingEmbedder(), NullLogger<ReembedWorker>.Instance);

        Assert.True(await worker.RunOnceAsync(TestContext.Current.CancellationToken) >= 1);
        Assert.Equal(0L, await fx.Database.ScalarAsync<long>($"SELECT count(*) FROM knowledge_chunks WHERE business_id = '{a}' AND embedding_model IS DISTINCT FROM '{new HashingEmbedder().Name}'"));
        var found = await OtherInstance(source).RetrieveAsync(a, "where can your van park", 3, RetrievalMode.VectorOnly, TestContext.Current.CancellationToken);
        Assert.Equal("Parking", found[0].Title);
    }

    [Fact]
    public async Task Through_the_engine_a_covered_question_is_answered_and_an_uncovered_one_becomes_a_gap_the_owner_can_answer()
    {
        var (businessId, owner, _) = await fx.CreateBusinessAsync("PRO");
        await AddAsync(businessId, [.. DemoData.SampleKnowledge().Select(e => (e.Title, e.Content))]);
        var engine = fx.App.Services.GetRequiredService<ConversationEngine>();
        var recorder = fx.App.Services.GetRequiredService<KnowledgeGapRecorder>();
        async Task<TurnResult> AskAsync(string question)
        {
            await using var scope = fx.App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.DbForBusiness(businessId);
            var business = await db.Businesses.SingleAsync(b => b.Id == businessId, TestContext.Current.CancellationToken);
            var config = await db.AgentConfigs.Include(c => c.Questions).SingleAsync(c => c.BusinessId == businessId, TestContext.Current.CancellationToken);
            var session = ConversationSession.Start(Guid.NewGuid().ToString(), businessId, Channel.CHAT, DateTimeOffset.UtcNow);
            var result = await engine.HandleAsync(session, question, new TurnContext(business, config, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
            if (result.UnansweredQuestion is { } gap)
            {
                await recorder.RecordAsync(businessId, gap, session.SessionId, TestContext.Current.CancellationToken);
            }

            return result;
        }

        var covered = await AskAsync("Are you open on Saturday?");
        Assert.Contains("Saturday from 8am to noon", covered.Reply, StringComparison.Ordinal);
        Assert.Null(covered.UnansweredQuestion);

        var uncovered = await AskAsync("Do you sell garden gnomes?");
        Assert.Contains("I'm not sure", uncovered.Reply, StringComparison.Ordinal);
        await AskAsync("do you guys sell GARDEN gnomes??");
        var gaps = (await (await owner.GetAsync("/api/admin/knowledge/gaps", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK)).AsArray();
        var gap = Assert.Single(gaps);
        Assert.Equal(2, gap!["askCount"]!.GetValue<int>());

        await (await owner.PostAsJsonAsync($"/api/admin/knowledge/gaps/{gap["id"]}/answer", new { answer = "We don't sell garden gnomes, sorry! We only do plumbing and heating." }, TestContext.Current.CancellationToken))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Empty((await (await owner.GetAsync("/api/admin/knowledge/gaps", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK)).AsArray());
        var answered = await AskAsync("Do you sell garden gnomes?");
        Assert.Contains("We don't sell garden gnomes", answered.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emergency_audit_explains_the_priority_with_the_owner_keywords()
    {
        var (_, owner, _) = await fx.CreateBusinessAsync("BASIC");
        await owner.PutAsJsonAsync("/api/admin/config", new { extraEmergencyKeywords = new[] { "sump pump alarm" } }, TestContext.Current.CancellationToken);

        var gas = await (await owner.PostAsJsonAsync("/api/admin/emergency/check", new { text = "I smell gas" }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("URGENT", gas["priority"]!.GetValue<string>());
        Assert.Equal("Gas", gas["hazard"]!.GetValue<string>());
        Assert.Contains("leave the building", gas["safetyScript"]!.GetValue<string>(), StringComparison.Ordinal);

        var keyword = await (await owner.PostAsJsonAsync("/api/admin/emergency/check", new { text = "the sump pump alarm is beeping" }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("owner_keyword", keyword["reasons"]![0]!["rule"]!.GetValue<string>());

        var fireplace = await (await owner.PostAsJsonAsync("/api/admin/emergency/check", new { text = "no gas smell, I just want a fireplace insert" }, TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("NORMAL", fireplace["priority"]!.GetValue<string>());
        Assert.Contains("negated", fireplace["ignored"]![0]!["rule"]!.GetValue<string>(), StringComparison.Ordinal);

        var empty = await owner.PostAsJsonAsync("/api/admin/emergency/check", new { text = "" }, TestContext.Current.CancellationToken);
        Assert.NotEmpty(ApiClient.ErrorsFor(await empty.JsonAsync(HttpStatusCode.BadRequest), "text"));
    }
}
