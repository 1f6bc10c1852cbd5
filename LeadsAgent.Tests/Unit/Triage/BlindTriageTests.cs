namespace LeadsAgent.Tests.Unit.Triage;

/// <summary>
/// The first blind set (LeadsAgent.Tests/Blind/triage-blind.tsv): utterances written by someone else, never read while
/// the first rules were written, scored once after those rules were frozen; the first look is recorded in
/// LeadsAgent.Tests/Blind/FIRST-LOOK.md (accuracy 0.791, URGENT precision 0.948, URGENT recall 0.821, HIGH recall 0.828:
/// every target missed). Since that look it is DEVELOPMENT data: its failures were studied by family for the second
/// look (issue 17), so it no longer measures generalisation. It is kept as the report of that set and, now that it is
/// development data, the targets are asserted on it as a regression check. A second blind set measures the rules frozen
/// for the second look.
/// </summary>
public class BlindTriageTests(ITestOutputHelper output)
{
    [Fact]
    public void FirstBlindSet_NowDevelopmentData_MeetsTheIssueTargets()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Blind", "triage-blind.tsv");
        var score = TriageScore.Of(TriageScore.Load(path));
        output.WriteLine(score.Report("first triage blind set (development data since its first look)"));

        Assert.True(score.Count >= 150, $"the set has {score.Count} utterances");
        Assert.True(score.Accuracy >= 0.92, $"accuracy {score.Accuracy:0.000} is below 0.92");
        Assert.True(score.UrgentRecall >= 0.97, $"URGENT recall {score.UrgentRecall:0.000} is below 0.97");
        Assert.True(score.UrgentPrecision >= 0.95, $"URGENT precision {score.UrgentPrecision:0.000} is below 0.95");
        Assert.True(score.HighRecall >= 0.85, $"HIGH recall {score.HighRecall:0.000} is below 0.85");
    }
}
