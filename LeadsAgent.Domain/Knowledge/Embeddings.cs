using LeadsAgent.Domain.Text;

namespace LeadsAgent.Domain.Knowledge;

/// <summary>Turns passages and questions into unit vectors; cosine similarity is then a dot product.</summary>
public interface IEmbedder
{
    /// <summary>Stored with each chunk; a chunk embedded by another model is re-embedded.</summary>
    string Name { get; }

    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct);
}

/// <summary>
/// The local embedder: word unigrams, word bigrams and character trigrams hashed into a fixed number of signed
/// buckets, log-weighted and normalised. Deterministic, no model weights, and tolerant of typos ("watr heatr").
/// </summary>
public sealed class HashingEmbedder : IEmbedder
{
    public const int Dimensions = 512;

    static readonly HashSet<string> s_stop =
    [
        "a", "an", "the", "is", "are", "do", "does", "did", "you", "your", "i", "we", "my", "me", "of", "to", "in", "for", "on",
        "and", "or", "it", "be", "with", "at", "that", "this", "have", "has", "there", "any", "will", "would", "could",
        "should", "about", "if", "so", "just", "please", "can", "what", "how", "our", "us", "they", "them", "am", "was", "were",
    ];

    public string Name => $"hashing-v1-{Dimensions}";

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct) =>
        Task.FromResult(texts.Select(Embed).ToArray());

    public static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        var words = TextNormalizer.Normalize(text).Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0 && !s_stop.Contains(w)).Select(Stem).ToList();
        var counts = new Dictionary<string, float>();
        void Add(string feature, float weight) => counts[feature] = counts.GetValueOrDefault(feature) + weight;

        for (var i = 0; i < words.Count; i++)
        {
            Add("w:" + words[i], 1f);
            if (i + 1 < words.Count)
            {
                Add("b:" + words[i] + "_" + words[i + 1], 0.7f);
            }

            var padded = "<" + words[i] + ">";
            for (var j = 0; j + 3 <= padded.Length; j++)
            {
                Add("c:" + padded.Substring(j, 3), 0.25f);
            }
        }

        foreach (var (feature, count) in counts)
        {
            var hash = Fnv1a(feature);
            var bucket = (int)(hash % Dimensions);
            var sign = (hash >> 31 & 1) == 0 ? 1f : -1f;
            vector[bucket] += sign * (1f + MathF.Log(1f + count));
        }

        Normalize(vector);
        return vector;
    }

    public static void Normalize(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }
    }

    // Plural and -ing endings folded so "leaks", "leaking" and "leak" share a feature.
    static string Stem(string w) =>
        w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal) ? w[..^3]
        : w.Length > 4 && w.EndsWith("es", StringComparison.Ordinal) && !w.EndsWith("ses", StringComparison.Ordinal) ? w[..^1]
        : w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1]
        : w;

    static uint Fnv1a(string s)
    {
        var hash = 2166136261u;
        foreach (var c in s)
        {
            hash ^= c;
            hash *= 16777619u;
        }

        return hash;
    }
}
