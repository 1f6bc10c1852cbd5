using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Tests.Unit.Triage;

/// <summary>
/// The labelled corpus (corpus.tsv): accuracy, URGENT precision and recall. The figures are printed so the
/// closing note and README quote what this run measured.
/// </summary>
public class TriageCorpusTests(ITestOutputHelper output)
{
    public sealed record Example(BusinessType Trade, LeadPriority Expected, string Text);

    public static IReadOnlyList<Example> Corpus { get; } = Load("corpus.tsv");

    static List<Example> Load(string file) =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Unit", "Triage", file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => new Example(Enum.Parse<BusinessType>(p[0]), Enum.Parse<LeadPriority>(p[1]), p[2]))];

    [Fact]
    public void Corpus_MeetsTheAccuracyAndUrgentRecallTargets()
    {
        Assert.True(Corpus.Count >= 150, $"the corpus has {Corpus.Count} utterances");
        var (accuracy, _, recall) = Score("triage corpus", Corpus);
        Assert.True(recall >= 0.97, $"URGENT recall {recall:P1} is below 97%");
        Assert.True(accuracy >= 0.9, $"accuracy {accuracy:P1} is below 90%");
    }

    /// <summary>Utterances written after the rules, to watch generalisation; a lower bar than the corpus.</summary>
    [Fact]
    public void Holdout_Generalises()
    {
        var (accuracy, _, recall) = Score("triage holdout", Load("holdout.tsv"));
        Assert.True(recall >= 0.9, $"URGENT recall {recall:P1} is below 90%");
        Assert.True(accuracy >= 0.8, $"accuracy {accuracy:P1} is below 80%");
    }

    (double Accuracy, double Precision, double Recall) Score(string name, IReadOnlyList<Example> examples)
    {
        var results = examples.Select(e => (Example: e, Actual: EmergencyTriage.Assess(e.Text, e.Trade).Priority)).ToList();
        var correct = results.Count(r => r.Actual == r.Example.Expected);
        var truePositive = results.Count(r => r.Actual == LeadPriority.URGENT && r.Example.Expected == LeadPriority.URGENT);
        var predictedUrgent = results.Count(r => r.Actual == LeadPriority.URGENT);
        var actualUrgent = results.Count(r => r.Example.Expected == LeadPriority.URGENT);
        var accuracy = (double)correct / results.Count;
        var recall = (double)truePositive / actualUrgent;
        var precision = predictedUrgent == 0 ? 0 : (double)truePositive / predictedUrgent;

        output.WriteLine($"{name}: {results.Count} utterances, accuracy {accuracy:P1}, URGENT precision {precision:P1}, URGENT recall {recall:P1} ({actualUrgent} urgent)");
        foreach (var miss in results.Where(r => r.Actual != r.Example.Expected))
        {
            output.WriteLine($"  expected {miss.Example.Expected,-6} got {miss.Actual,-6} [{miss.Example.Trade}] {miss.Example.Text}");
        }

        return (accuracy, precision, recall);
    }
}
