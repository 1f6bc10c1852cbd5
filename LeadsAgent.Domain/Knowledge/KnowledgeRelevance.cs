namespace LeadsAgent.Domain.Knowledge;

/// <summary>How much of a question a passage covers, and whether that is enough to answer from it.</summary>
/// <param name="Coverage">The weighted share of the question's concepts and words the passage speaks of (0 to 1).</param>
/// <param name="Anchored">The passage covers a policy or subject of the question, or one of its own words, not only a facet.</param>
public readonly record struct Relevance(double Coverage, bool Anchored)
{
    /// <summary>
    /// Half the question's weight: a passage about "sump pumps" covers "pump" but not "pool" in "do you repair pool
    /// pumps", and a word the business never uses weighs most, so it falls below; chosen on the development sets.
    /// </summary>
    public const double AnswerThreshold = 0.5;

    public bool Answers => Anchored && Coverage >= AnswerThreshold;
}

/// <summary>How many of a business's passages use each word of a question: rare words weigh more, unknown ones most.</summary>
public sealed class WordStatistics(int passages, IReadOnlyDictionary<string, int> passagesWithWord)
{
    public int Passages { get; } = passages;

    /// <summary>A word the business never writes: the question is probably about something else.</summary>
    public bool IsUnknown(string word) => passagesWithWord.GetValueOrDefault(word) == 0;

    /// <summary>An inverse document frequency, smoothed so that a knowledge base of two passages still weighs sensibly.</summary>
    public double Weight(string word) => Math.Log(1 + (Passages + 2.0) / (passagesWithWord.GetValueOrDefault(word) + 1.0));
}

/// <summary>
/// Scores passages against a <see cref="KnowledgeQuestion"/>: each concept and content word has a weight, and a passage
/// earns the weight of what it covers (its title counts fully, its text a little less). Words weigh by how rare they
/// are in the business's knowledge base (a word it never uses weighs most: the question is probably about something
/// else), trade subjects step back when the question names a policy ("the warranty on a furnace" is about warranty).
/// </summary>
public static class KnowledgeRelevance
{
    const double PolicyWeight = 3.0;
    const double SubjectWeight = 2.0;
    const double SubjectBesidePolicyWeight = 0.8;
    const double FacetWeight = 0.6;
    const double GenericWeight = 0.3;
    const double ContentFactor = 0.85;
    const double PolicyCoveredFactor = 0.5;

    /// <summary>How well a passage (its title or heading path, and its text) covers the question.</summary>
    /// <param name="statistics">The business's word statistics; null weighs every word 1 (sentences of one passage).</param>
    public static Relevance Score(KnowledgeQuestion question, string heading, string content, WordStatistics? statistics = null)
    {
        if (question.IsEmpty)
        {
            return new Relevance(0, false);
        }

        var foldedHeading = KnowledgeText.Fold(heading);
        var foldedContent = KnowledgeText.Fold(content);
        var headingWords = new PassageWords(foldedHeading);
        var contentWords = new PassageWords(foldedContent);
        // A question that names a policy the passage covers is answered by it whatever else it mentions ("can I pay for a
        // new AC over time" is answered by the financing passage, which need not name air conditioners).
        var policy = question.NamesPolicy;
        var policyCovered = question.Concepts.Any(c => c.Kind == ConceptKind.Policy && (c.InTitle(foldedHeading) || c.InContent(foldedContent)));
        var others = policyCovered ? PolicyCoveredFactor : 1;
        double total = 0, covered = 0;
        var anchored = false;

        foreach (var concept in question.Concepts)
        {
            var weight = concept.Kind switch
            {
                ConceptKind.Policy => PolicyWeight,
                ConceptKind.Subject => (policy ? SubjectBesidePolicyWeight : SubjectWeight) * others,
                _ => FacetWeight * others,
            };
            var match = concept.InTitle(foldedHeading) ? 1 : concept.InContent(foldedContent) ? ContentFactor : 0;
            total += weight;
            covered += weight * match;
            anchored |= match > 0 && concept.Kind != ConceptKind.Facet
                || match == 1 && concept.AnswersAlone && question.Concepts.Count == 1 && question.Words.All(KnowledgeText.IsGeneric);
        }

        foreach (var word in question.Words)
        {
            var generic = KnowledgeText.IsGeneric(word);
            // A word the business never uses keeps its full weight beside a covered policy: "what time does the courthouse
            // cafeteria open" is not about the firm's opening hours.
            var unknown = !generic && statistics?.IsUnknown(word) == true;
            var weight = (generic ? GenericWeight : statistics?.Weight(word) ?? 1) * (unknown ? 1 : others);
            var match = Math.Max(headingWords.Match(word), ContentFactor * contentWords.Match(word));
            total += weight;
            covered += weight * match;
            anchored |= match > 0 && !generic;
        }

        return new Relevance(total == 0 ? 0 : covered / total, anchored);
    }

    /// <summary>
    /// The sentences of a passage that answer the question, in the passage's order, within maxChars: the best one, then
    /// any other that covers part of the question. "Can I pay over time" picks the financing sentence, "what are your
    /// hours" the one with days and times.
    /// </summary>
    public static IReadOnlyList<int> BestSentences(KnowledgeQuestion question, IReadOnlyList<string> sentences, int maxChars)
    {
        if (sentences.Count == 0)
        {
            return [];
        }

        var ranked = sentences.Select((s, i) => (Index: i, Length: s.Length, Score: Score(question, "", s).Coverage - i * 0.001))
            .OrderByDescending(x => x.Score).ToList();
        var chosen = new List<(int Index, int Length)> { (ranked[0].Index, ranked[0].Length) };
        foreach (var next in ranked.Skip(1))
        {
            if (next.Score <= 0 || chosen.Sum(c => c.Length + 1) + next.Length > maxChars)
            {
                break;
            }

            chosen.Add((next.Index, next.Length));
        }

        return [.. chosen.Select(c => c.Index).Order()];
    }

    /// <summary>A passage's words as written and stemmed: endings compare on stems, typos on the words as written.</summary>
    sealed class PassageWords(string folded)
    {
        readonly HashSet<string> _words = [.. KnowledgeText.Words(folded)];
        readonly HashSet<string> _stems = [.. KnowledgeText.Words(folded).Select(KnowledgeText.Stem)];

        public double Match(string word)
        {
            var stem = KnowledgeText.Stem(word);
            if (_stems.Contains(stem))
            {
                return 1;
            }

            var best = 0.0;
            foreach (var s in _stems)
            {
                best = Math.Max(best, KnowledgeText.WordMatch(stem, s));
            }

            foreach (var w in _words)
            {
                best = Math.Max(best, KnowledgeText.WordMatch(word, w));
            }

            return best;
        }
    }
}
