using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Tests.Unit.Triage;

/// <summary>
/// The labelled corpus (`LeadsAgent.Domain/Emergencies/triage-corpus.tsv`, linked into the test output as corpus.tsv:
/// the development set the rules were written against and the training data of the triage fallback model, embedded
/// into the Domain at build time) and the older holdout. The corpus ends with the fresh rounds of the second look
/// (r1-r7), each headed by the score it had on its own first look. The figures are printed so the closing note and
/// README quote what this run measured.
/// </summary>
public class TriageCorpusTests(ITestOutputHelper output)
{
    static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Unit", "Triage", file);

    public static IReadOnlyList<TriageExample> Corpus { get; } = TriageScore.Load(PathOf("corpus.tsv"));

    [Fact]
    public void Corpus_CoversSixTradesBothLanguagesAndEveryLevel()
    {
        Assert.True(Corpus.Count >= 600, $"the corpus has {Corpus.Count} utterances");
        Assert.True(Corpus.Count(e => e.Language == "es") >= 60, "at least 60 Spanish utterances");
        Assert.All(Enum.GetValues<BusinessType>(), t => Assert.True(Corpus.Count(e => e.Trade == t) >= 40, $"{t} has fewer than 40 utterances"));
        Assert.All(Enum.GetValues<LeadPriority>(), p => Assert.Contains(Corpus, e => e.Expected == p));
        Assert.All(Corpus.Where(e => e.Hazard != "NONE"), e => Assert.Equal(LeadPriority.URGENT, e.Expected));
    }

    [Fact]
    public void Corpus_MeetsTheIssueTargets()
    {
        var score = TriageScore.Of(Corpus);
        output.WriteLine(score.Report("triage corpus"));
        Assert.True(score.UrgentRecall >= 0.97, $"URGENT recall {score.UrgentRecall:P1} is below 97%");
        Assert.True(score.UrgentPrecision >= 0.95, $"URGENT precision {score.UrgentPrecision:P1} is below 95%");
        Assert.True(score.HighRecall >= 0.85, $"HIGH recall {score.HighRecall:P1} is below 85%");
        Assert.True(score.Accuracy >= 0.92, $"accuracy {score.Accuracy:P1} is below 92%");
        Assert.True(score.HazardAccuracy >= 0.95, $"hazard accuracy {score.HazardAccuracy:P1} is below 95%");
    }

    /// <summary>Utterances written after the first rules, to watch generalisation; a lower bar than the corpus.</summary>
    [Fact]
    public void Holdout_Generalises()
    {
        var score = TriageScore.Of(TriageScore.Load(PathOf("holdout.tsv")));
        output.WriteLine(score.Report("triage holdout"));
        Assert.True(score.UrgentRecall >= 0.9, $"URGENT recall {score.UrgentRecall:P1} is below 90%");
        Assert.True(score.Accuracy >= 0.8, $"accuracy {score.Accuracy:P1} is below 80%");
    }
}
