using System.Text.RegularExpressions;
using LeadsAgent.Domain.Text;

namespace LeadsAgent.Domain.Engine;

/// <summary>Without a model, the answer is quoted from the best passage: the sentences that share most words with the question.</summary>
public static partial class KnowledgeAnswers
{
    static readonly HashSet<string> s_stop = ["the", "a", "an", "is", "are", "do", "does", "you", "your", "i", "we", "my", "of", "to", "in", "for", "on", "and", "or", "what", "how", "can", "it", "be", "with", "at", "that", "this", "have", "has"];

    public static string Extract(KnowledgePassage passage, string question, int maxChars)
    {
        var questionWords = Words(question);
        var sentences = SentenceSplit().Split(passage.Content.Trim()).Where(s => s.Trim().Length > 0).Select(s => s.Trim()).ToList();
        if (sentences.Count == 0)
        {
            return passage.Title;
        }

        var ranked = sentences.Select((s, i) => (Sentence: s, Index: i, Score: Words(s).Count(questionWords.Contains) - i * 0.01))
            .OrderByDescending(x => x.Score).ToList();
        var chosen = new List<(string Sentence, int Index)> { (ranked[0].Sentence, ranked[0].Index) };
        foreach (var next in ranked.Skip(1))
        {
            if (chosen.Sum(c => c.Sentence.Length) + next.Sentence.Length + 1 > maxChars || next.Score <= 0)
            {
                break;
            }

            chosen.Add((next.Sentence, next.Index));
        }

        var answer = string.Join(" ", chosen.OrderBy(c => c.Index).Select(c => c.Sentence));
        return answer.Length <= maxChars ? answer : answer[..maxChars].TrimEnd() + "…";
    }

    static HashSet<string> Words(string text) =>
        [.. TextNormalizer.Normalize(text).Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries).Where(w => !s_stop.Contains(w)).Select(Stem)];

    static string Stem(string w) => w.Length > 4 && w.EndsWith('s') ? w[..^1] : w;

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceSplit();
}
