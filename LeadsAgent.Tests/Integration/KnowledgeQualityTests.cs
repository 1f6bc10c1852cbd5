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

        Assert.True(results[RetrievalMode.Hybrid].At3 >= 0.9, $"hybrid recall@3 {results[RetrievalMode.Hybrid].At3:P1}");
        Assert.True(results[RetrievalMode.Hybrid].At1 >= 0.75, $"hybrid recall@1 {results[RetrievalMode.Hybrid].At1:P1}");
    }
}
