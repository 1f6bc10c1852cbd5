using System.Reflection;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Text;

namespace LeadsAgent.Domain.Emergencies;

/// <summary>
/// A multinomial naive Bayes classifier over the labelled triage corpus, trained once when first used from the copy of
/// <c>Emergencies/triage-corpus.tsv</c> embedded at build time. It is the ladder's fallback for messages no
/// rule understood: fresh utterances showed the rules alone at about 0.83 accuracy on their first look, mostly from
/// vendors, wrong numbers and problems described in words no lexicon holds, where a model of the corpus's words and
/// letter sequences (which carry inflections: "pararam", "no sirven") does better. It never decides life safety: see
/// <see cref="EmergencyTriage"/> for where it may speak.
/// </summary>
internal static class TriageModel
{
    const string ResourceName = "LeadsAgent.Domain.Emergencies.triage-corpus.tsv";
    const double Smoothing = 0.5;
    const int Classes = 4;

    static readonly Lazy<Trained?> s_model = new(Train);

    /// <summary>True when the corpus was embedded and the model trained.</summary>
    public static bool IsAvailable => s_model.Value is not null;

    /// <summary>The most likely priority and its probability, or null without a model.</summary>
    public static (LeadPriority Priority, double Probability)? Predict(string normalized, BusinessType trade)
    {
        if (s_model.Value is not { } model)
        {
            return null;
        }

        var logProbabilities = new double[Classes];
        for (var c = 0; c < Classes; c++)
        {
            logProbabilities[c] = Math.Log(model.Documents[c] / model.DocumentTotal);
        }

        foreach (var feature in Features(normalized, trade))
        {
            if (!model.Counts.TryGetValue(feature, out var counts))
            {
                continue;
            }

            for (var c = 0; c < Classes; c++)
            {
                logProbabilities[c] += Math.Log((counts[c] + Smoothing) / (model.FeatureTotals[c] + Smoothing * model.Counts.Count));
            }
        }

        var max = logProbabilities.Max();
        var weights = logProbabilities.Select(l => Math.Exp(l - max)).ToArray();
        var best = Array.IndexOf(logProbabilities, max);
        return ((LeadPriority)best, weights[best] / weights.Sum());
    }

    /// <summary>Words, word pairs and four-letter sequences of the normalised text, and the trade.</summary>
    static HashSet<string> Features(string normalized, BusinessType trade)
    {
        var words = normalized.Replace('|', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var features = new HashSet<string>(StringComparer.Ordinal) { "t:" + trade };
        for (var i = 0; i < words.Length; i++)
        {
            features.Add("w:" + words[i]);
            if (i + 1 < words.Length)
            {
                features.Add("b:" + words[i] + " " + words[i + 1]);
            }
        }

        var spaced = " " + string.Join(' ', words) + " ";
        for (var i = 0; i + 4 <= spaced.Length; i++)
        {
            features.Add("c:" + spaced.Substring(i, 4));
        }

        return features;
    }

    sealed record Trained(Dictionary<string, double[]> Counts, double[] FeatureTotals, double[] Documents, double DocumentTotal);

    static Trained? Train()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var featureTotals = new double[Classes];
        var documents = new double[Classes];
        while (reader.ReadLine() is { } line)
        {
            var columns = line.Split('\t');
            if (line.TrimStart().StartsWith('#') || columns.Length < 5
                || !Enum.TryParse<LeadPriority>(columns[1].Trim(), ignoreCase: true, out var priority)
                || !Enum.TryParse<BusinessType>(columns[0].Trim(), ignoreCase: true, out var trade))
            {
                continue;
            }

            var c = (int)priority;
            documents[c]++;
            foreach (var feature in Features(Spelling.Fix(TextNormalizer.Normalize(columns[4])), trade))
            {
                if (!counts.TryGetValue(feature, out var perClass))
                {
                    counts[feature] = perClass = new double[Classes];
                }

                perClass[c]++;
                featureTotals[c]++;
            }
        }

        return documents.Sum() == 0 || documents.Any(d => d == 0) ? null : new Trained(counts, featureTotals, documents, documents.Sum());
    }
}
