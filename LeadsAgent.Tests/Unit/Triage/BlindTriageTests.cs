namespace LeadsAgent.Tests.Unit.Triage;

/// <summary>
/// The blind set (LeadsAgent.Tests/Blind/triage-blind.tsv): utterances written by someone else, never read while the
/// rules were written. Scored once after the rules were frozen; the first look is recorded in
/// LeadsAgent.Tests/Blind/FIRST-LOOK.md. The assertions are the issue's targets.
/// </summary>
public class BlindTriageTests(ITestOutputHelper output)
{
    [Fact]
    public void BlindSet_MeetsTheIssueTargets()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Blind", "triage-blind.tsv");
        var score = TriageScore.Of(TriageScore.Load(path));
        output.WriteLine(score.Report("triage blind set"));

        Assert.True(score.Count >= 150, $"the blind set has {score.Count} utterances");
        Assert.True(score.Accuracy >= 0.92, $"accuracy {score.Accuracy:0.000} is below 0.92");
        Assert.True(score.UrgentRecall >= 0.97, $"URGENT recall {score.UrgentRecall:0.000} is below 0.97");
        Assert.True(score.UrgentPrecision >= 0.95, $"URGENT precision {score.UrgentPrecision:0.000} is below 0.95");
        Assert.True(score.HighRecall >= 0.85, $"HIGH recall {score.HighRecall:0.000} is below 0.85");
    }
}
