using System.Text.Json;
using LeadsAgent.Infrastructure.Knowledge;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsAgent.Tests.Integration;

/// <summary>
/// The quality set (Knowledge/quality.tsv) against the sample plumbing and heating knowledge base: recall@1 and
/// recall@3 for full-text only, embedder only and hybrid, printed for the README.
/// </summary>
public class KnowledgeQualityTests(PlatformFixture fx, ITestOutputHelper output) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task Hybrid_retrieval_finds_the_expected_entry_in_the_top_three()
    {
        var (businessId, _, _) = await fx.CreateBusinessAsync("PRO");
        await using (var scope = fx.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.DbForBusiness(businessId);
            var business = await db.Businesses.SingleAsync(b => b.Id == businessId, TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<KnowledgeBase>().AddAsync(business, Domain.Plans.PlanTier.PRO, DemoData.SampleKnowledge(), TestContext.Current.CancellationToken);
        }

        var set = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Integration", "Knowledge", "quality.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).Select(p => (Question: p[0], Expected: p[1])).ToList();
        Assert.True(set.Count >= 60);
        var retriever = fx.App.Services.GetRequiredService<HybridKnowledgeRetriever>();
        var results = new Dictionary<RetrievalMode, (double At1, double At3)>();
        foreach (var mode in Enum.GetValues<RetrievalMode>())
        {
            int at1 = 0, at3 = 0;
            foreach (var (question, expected) in set)
            {
                var top = await retriever.RetrieveAsync(businessId, question, 3, mode, TestContext.Current.CancellationToken);
                at1 += top.Count > 0 && top[0].Title == expected ? 1 : 0;
                at3 += top.Any(p => p.Title == expected) ? 1 : 0;
                if (mode == RetrievalMode.Hybrid && !top.Any(p => p.Title == expected))
                {
                    output.WriteLine($"  hybrid miss: \"{question}\" expected {expected}, got {string.Join(" | ", top.Select(p => p.Title))}");
                }
            }

            results[mode] = ((double)at1 / set.Count, (double)at3 / set.Count);
            output.WriteLine($"knowledge quality {mode}: recall@1 {results[mode].At1:P1}, recall@3 {results[mode].At3:P1} ({set.Count} questions)");
        }

        Assert.True(results[RetrievalMode.Hybrid].At3 >= 0.95, $"hybrid recall@3 {results[RetrievalMode.Hybrid].At3:P1}");
        Assert.True(results[RetrievalMode.Hybrid].At1 >= 0.9, $"hybrid recall@1 {results[RetrievalMode.Hybrid].At1:P1}");
    }

    static readonly Dictionary<string, (string Type, Func<IReadOnlyList<KnowledgeEntry>> Entries)> s_developmentBases = new()
    {
        ["acme"] = ("PLUMBING", DemoData.SampleKnowledge),
        ["hvac"] = ("HVAC", () => Development("hvac.json")),
        ["electrical"] = ("ELECTRICAL", () => Development("electrical.json")),
        ["law"] = ("LAW", () => Development("law.json")),
        ["realestate"] = ("REAL_ESTATE", () => Development("realestate.json")),
        ["handyman"] = ("OTHER", () => Development("handyman.json")),
        ["riverside"] = ("PLUMBING", () => Development("riverside.json")),
        ["delgado"] = ("LAW", () => Development("delgado.json")),
        ["summit"] = ("HVAC", () => Development("summit.json")),
        ["harbor"] = ("REAL_ESTATE", () => Development("harbor.json")),
    };

    static IReadOnlyList<KnowledgeEntry> Development(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Integration", "Knowledge", "dev", file)));
        return KnowledgeImporter.FromJson(json.RootElement);
    }

    /// <summary>
    /// The development set (Knowledge/dev): ten small knowledge bases over the six trades and questions written for the
    /// synonym lexicon (financing, warranty, call-out fees, hours, area) and for honesty (off-topic questions that must
    /// get "I don't know"), asked through the engine without a model. Tuned on, so its score says little about new
    /// questions: rounds 2 and 3 were written after the rules of the round before and scored once before any change,
    /// answerable accuracy 0.848 and 0.833, off-topic honesty 0.923 and 0.923 at their first looks. The blind set
    /// (Blind/knowledge-blind, BlindKnowledgeTests) measures generalisation.
    /// </summary>
    [Fact]
    public async Task The_development_set_is_answered_from_the_right_entry_and_off_topic_questions_honestly()
    {
        var ct = TestContext.Current.CancellationToken;
        var set = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Integration", "Knowledge", "dev", "questions.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        var scores = new List<KnowledgeAnswerScore>();
        foreach (var group in set.GroupBy(p => p[0]))
        {
            var (type, entries) = s_developmentBases[group.Key];
            var kb = await KnowledgeScoring.LoadAsync(fx, type, entries(), ct);
            foreach (var p in group)
            {
                scores.Add(await kb.AskAsync(p[1], p[2] == "-" ? null : p[2], group.Key + "/" + p[3], ct));
            }
        }

        foreach (var line in KnowledgeScoring.Report("development set", scores))
        {
            output.WriteLine(line);
        }

        var answerable = scores.Where(s => !s.OffTopic).ToList();
        var offTopic = scores.Where(s => s.OffTopic).ToList();
        Assert.True(set.Count >= 200 && offTopic.Count >= 40);
        Assert.True(answerable.Count(s => s.Correct) >= 0.95 * answerable.Count, "answerable accuracy below 0.95");
        Assert.True(offTopic.Count(s => s.Correct) >= 0.9 * offTopic.Count, "off-topic honesty below 0.9");
    }
}
