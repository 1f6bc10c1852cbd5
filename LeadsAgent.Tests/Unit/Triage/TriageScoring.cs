using System.Text;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Tests.Unit.Triage;

/// <summary>One labelled utterance: the business's trade, the priority and hazard the ladder gives it, its language.</summary>
public sealed record TriageExample(BusinessType Trade, LeadPriority Expected, string Hazard, string Language, string Text);

/// <summary>The figures the targets are stated in, for a set of labelled utterances.</summary>
public sealed record TriageScore(int Count, double Accuracy, double UrgentPrecision, double UrgentRecall, double HighRecall, double HazardAccuracy,
    IReadOnlyList<(TriageExample Example, LeadPriority Actual, string ActualHazard)> Results)
{
    /// <summary>
    /// Reads a TSV: trade, expected, hazard, language, utterance (lines starting with # are comments). Older 3-column
    /// files (trade, expected, utterance) read with hazard NONE and language "en".
    /// </summary>
    public static List<TriageExample> Load(string path) =>
        [.. File.ReadAllLines(path)
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => p.Length >= 5
                ? new TriageExample(Trade(p[0]), Enum.Parse<LeadPriority>(p[1].Trim(), ignoreCase: true), HazardCode(p[2]), p[3].Trim().ToLowerInvariant(), p[4].Trim())
                : new TriageExample(Trade(p[0]), Enum.Parse<LeadPriority>(p[1].Trim(), ignoreCase: true), "NONE", "en", p[2].Trim()))];

    // Files written by others may spell a trade or hazard differently ("real estate", "carbon_monoxide", "-").
    static BusinessType Trade(string value) =>
        Enum.TryParse<BusinessType>(value.Trim().Replace(' ', '_'), ignoreCase: true, out var trade) ? trade : BusinessType.OTHER;

    static string HazardCode(string value) => value.Trim().ToUpperInvariant().Replace(' ', '_') switch
    {
        "" or "-" or "NONE" or "NULL" => "NONE",
        "CARBON_MONOXIDE" or "CARBONMONOXIDE" => "CO",
        "SMOKE" => "FIRE",
        "FLOOD" or "FLOODING" => "WATER",
        "ELECTRIC" => "ELECTRICAL",
        var code => code,
    };

    public static TriageScore Of(IReadOnlyList<TriageExample> examples)
    {
        var results = examples.Select(e =>
        {
            var r = EmergencyTriage.Assess(e.Text, e.Trade);
            return (Example: e, Actual: r.Priority, ActualHazard: r.Hazard.Code());
        }).ToList();
        static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;
        var urgentTp = results.Count(r => r.Actual == LeadPriority.URGENT && r.Example.Expected == LeadPriority.URGENT);
        return new TriageScore(
            results.Count,
            Ratio(results.Count(r => r.Actual == r.Example.Expected), results.Count),
            Ratio(urgentTp, results.Count(r => r.Actual == LeadPriority.URGENT)),
            Ratio(urgentTp, results.Count(r => r.Example.Expected == LeadPriority.URGENT)),
            Ratio(results.Count(r => r.Actual == LeadPriority.HIGH && r.Example.Expected == LeadPriority.HIGH), results.Count(r => r.Example.Expected == LeadPriority.HIGH)),
            Ratio(results.Count(r => r.ActualHazard == r.Example.Hazard), results.Count),
            results);
    }

    public string Line(string name) =>
        $"{name}: n={Count}, accuracy {Accuracy:0.000}, URGENT precision {UrgentPrecision:0.000}, URGENT recall {UrgentRecall:0.000}, " +
        $"HIGH recall {HighRecall:0.000}, hazard accuracy {HazardAccuracy:0.000}";

    /// <summary>The headline, then per trade and per language, then every miss.</summary>
    public string Report(string name)
    {
        var sb = new StringBuilder().AppendLine(Line(name));
        foreach (var group in Results.GroupBy(r => r.Example.Trade.ToString()).OrderBy(g => g.Key))
        {
            sb.AppendLine("  " + Of([.. group.Select(r => r.Example)]).Line("trade " + group.Key));
        }

        foreach (var group in Results.GroupBy(r => r.Example.Language).OrderBy(g => g.Key))
        {
            sb.AppendLine("  " + Of([.. group.Select(r => r.Example)]).Line("language " + group.Key));
        }

        foreach (var miss in Results.Where(r => r.Actual != r.Example.Expected || r.ActualHazard != r.Example.Hazard))
        {
            sb.AppendLine($"  expected {miss.Example.Expected,-6} {miss.Example.Hazard,-10} got {miss.Actual,-6} {miss.ActualHazard,-10} [{miss.Example.Trade}/{miss.Example.Language}] {miss.Example.Text}");
        }

        return sb.ToString();
    }
}
