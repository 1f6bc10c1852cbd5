using System.Text.RegularExpressions;
using LeadsAgent.Domain.Knowledge;

namespace LeadsAgent.Domain.Engine;

/// <summary>
/// Without a model, the answer is quoted from the best passage: the sentences that cover most of the question, read
/// through the trade lexicon ("pay over time" finds the financing sentence, "hours" the one with days and times).
/// </summary>
public static partial class KnowledgeAnswers
{
    public static string Extract(KnowledgePassage passage, string question, int maxChars)
    {
        var sentences = SentenceSplit().Split(passage.Content.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (sentences.Count == 0)
        {
            return passage.Title;
        }

        var chosen = KnowledgeRelevance.BestSentences(KnowledgeQuestion.Parse(question), sentences, maxChars);
        var answer = string.Join(" ", chosen.Select(i => sentences[i]));
        return answer.Length <= maxChars ? answer : answer[..maxChars].TrimEnd() + "…";
    }

    // A sentence ends before a capital or a digit, so "9 a.m. to 5 p.m." stays one sentence.
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\d""“(¿¡])|\n+")]
    private static partial Regex SentenceSplit();
}
