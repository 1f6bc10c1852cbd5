using System.Text.RegularExpressions;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>One scored question: what the agent answered, from which entry, and whether that was right.</summary>
public sealed record KnowledgeAnswerScore(string Question, string? Expected, string Family, string? RetrievedTitle, string? AnsweredTitle, bool Honest, string Reply, string Candidates = "")
{
    public bool OffTopic => Expected is null;

    /// <summary>An answerable question is right when the agent's reply quotes the expected entry; an off-topic one when it quotes none.</summary>
    public bool Correct => OffTopic ? Honest : AnsweredTitle == Expected;
}

/// <summary>
/// Loads a knowledge base into a fresh business through the real ingestion path (KnowledgeBase.AddAsync: chunking,
/// embedding, PostgreSQL) and asks questions both of the retriever and of the conversation engine without a model.
/// </summary>
public sealed class KnowledgeScoring(PlatformFixture fx, Guid businessId, IReadOnlyList<KnowledgeEntry> entries)
{
    public static async Task<KnowledgeScoring> LoadAsync(PlatformFixture fx, string businessType, IReadOnlyList<KnowledgeEntry> entries, CancellationToken ct)
    {
        var (businessId, _, _) = await fx.CreateBusinessAsync("PRO", businessType);
        await using var scope = fx.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(businessId);
        var business = await db.Businesses.SingleAsync(b => b.Id == businessId, ct);
        await scope.ServiceProvider.GetRequiredService<KnowledgeBase>().AddAsync(business, Domain.Plans.PlanTier.PRO, entries, ct);
        return new KnowledgeScoring(fx, businessId, entries);
    }

    /// <summary>Asks the question in a new chat session; the reply is attributed to the entry whose sentence it quotes.</summary>
    public async Task<KnowledgeAnswerScore> AskAsync(string question, string? expected, string family, CancellationToken ct)
    {
        var retriever = fx.App.Services.GetRequiredService<HybridKnowledgeRetriever>();
        var ranked = await retriever.RankAsync(businessId, question, RetrievalMode.Hybrid, ct);
        var top = ranked.Where(r => r.Answers).Select(r => r.Passage).ToList();
        var engine = fx.App.Services.GetRequiredService<ConversationEngine>();
        await using var scope = fx.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(businessId);
        var business = await db.Businesses.SingleAsync(b => b.Id == businessId, ct);
        var config = await db.AgentConfigs.Include(c => c.Questions).SingleAsync(c => c.BusinessId == businessId, ct);
        var session = ConversationSession.Start(Guid.NewGuid().ToString(), businessId, Channel.CHAT, DateTimeOffset.UtcNow);
        var result = await engine.HandleAsync(session, question, new TurnContext(business, config, DateTimeOffset.UtcNow), ct);
        var answered = entries.FirstOrDefault(e => Sentences(e.Content).Any(s => result.Reply.Contains(s, StringComparison.Ordinal)))?.Title;
        return new KnowledgeAnswerScore(question, expected, family, top.FirstOrDefault()?.Title, answered, answered is null, result.Reply,
            string.Join("; ", ranked.Take(3).Select(r => $"{r.Passage.Title} {r.Relevance.Coverage:0.00}{(r.Relevance.Anchored ? "" : " unanchored")}")));
    }

    static IEnumerable<string> Sentences(string content) =>
        Regex.Split(content.Trim(), @"(?<=[.!?])\s+(?=[\p{Lu}\d""“(¿¡])|\n+").Select(s => s.Trim()).Where(s => s.Length >= 12);

    /// <summary>Accuracy on answerable questions, honesty on off-topic ones, and both together, with a line per family.</summary>
    public static IEnumerable<string> Report(string name, IReadOnlyList<KnowledgeAnswerScore> scores)
    {
        var answerable = scores.Where(s => !s.OffTopic).ToList();
        var offTopic = scores.Where(s => s.OffTopic).ToList();
        static string Rate(int good, int all) => all == 0 ? "n/a" : $"{(double)good / all:0.000} ({good}/{all})";
        yield return $"{name}: answerable accuracy {Rate(answerable.Count(s => s.Correct), answerable.Count)}, " +
            $"retriever top-1 {Rate(answerable.Count(s => s.RetrievedTitle == s.Expected), answerable.Count)}, " +
            $"off-topic honesty {Rate(offTopic.Count(s => s.Correct), offTopic.Count)}, overall {Rate(scores.Count(s => s.Correct), scores.Count)}";
        foreach (var family in scores.GroupBy(s => s.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return $"  {family.Key}: {Rate(family.Count(s => s.Correct), family.Count())}";
        }

        foreach (var miss in scores.Where(s => !s.Correct))
        {
            yield return $"  miss [{miss.Family}] \"{miss.Question}\" expected {miss.Expected ?? "(I don't know)"}, answered {miss.AnsweredTitle ?? "(nothing)"}, retrieved {miss.RetrievedTitle ?? "(nothing)"} [{miss.Candidates}]";
        }
    }
}
