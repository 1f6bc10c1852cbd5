using System.Text.RegularExpressions;
using LeadsAgent.Domain.Text;

namespace LeadsAgent.Domain.Knowledge;

/// <summary>Text folded for knowledge matching, and the word forms both questions and passages are compared in.</summary>
public static partial class KnowledgeText
{
    // PostgreSQL's English stop words plus chat and speech words that say nothing about the subject ("whats", "u", "pls").
    static readonly HashSet<string> s_stop =
    [
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves", "he", "him",
        "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves",
        "what", "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be", "been", "being",
        "have", "has", "had", "having", "do", "does", "did", "doing", "a", "an", "the", "and", "but", "if", "or", "because", "as",
        "until", "while", "of", "at", "by", "for", "with", "about", "against", "between", "into", "through", "during", "before",
        "after", "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under", "again", "further", "then",
        "once", "here", "there", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some",
        "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don",
        "should", "now", "wont", "dont", "cant", "doesnt", "isnt", "didnt", "arent", "wasnt", "whats", "hows", "wheres", "whens", "yall", "ya", "u", "ur", "r", "pls", "plz", "please", "im", "ive", "id",
        "could", "would", "shall", "may", "might", "must", "also", "hi", "hello", "hey", "thanks", "thank", "ok", "okay", "yes",
        "yeah", "guys", "folks", "like", "get", "got", "getting", "know", "tell", "let", "want", "wanted", "need", "needs", "wondering",
        "wonder", "question", "questions", "really", "actually", "anything", "something", "someone", "somebody", "anyone",
        "anybody", "everyone", "thing", "things", "stuff", "lot", "kind", "sort", "cause", "gonna", "wanna", "gotta", "oh", "well",
        "much", "many", "does", "etc", "que", "de", "la", "el", "en", "los", "las", "un", "una", "por", "para", "con", "su", "sus",
        "es", "son", "hay", "tienen", "hacen", "ustedes", "usted", "mi", "se", "y", "o", "lo", "le", "del", "al", "como", "cual",
        "around", "across", "along", "behind", "beside", "besides", "inside", "within", "without", "toward", "towards", "upon",
        "via", "onto", "among", "throughout", "despite", "unless", "whether", "either", "neither", "even", "every", "lots",
        "quite", "pretty", "enough", "else", "another", "anyway",
    ];

    // Words every trade question uses; they count for little ("do you fix pool pumps" is about pool pumps, not fixing).
    static readonly HashSet<string> s_generic =
    [
        "fix", "fixing", "fixed", "repair", "repairs", "repairing", "install", "installs", "installing", "installed", "installation",
        "service", "services", "servicing", "offer", "offers", "provide", "provides", "handle", "handles", "help", "helps", "work", "works",
        "working", "come", "coming", "send", "look", "looking", "check", "checking", "take", "make", "give", "go", "going", "put",
        "one", "ones", "unit", "units", "system", "systems", "job", "jobs", "home", "house", "place", "property", "condo", "apartment",
        "townhouse", "townhome", "duplex", "building", "good", "best",
        "great", "old", "available", "able", "still", "ever", "usually", "typically", "normally", "today", "tomorrow", "tonight",
        "yesterday", "night", "nights", "next", "last", "week", "weeks", "month", "months", "day", "days", "year", "years", "morning", "afternoon", "soon",
        "later", "ago", "currently", "right", "away", "asap", "quick", "quickly", "company", "business", "guy", "person", "people",
        "customer", "customers", "sir", "maam", "use", "using", "used", "mean", "see", "think", "sure", "maybe", "possible",
        "type", "types", "kinds", "pay", "paying", "happen", "happens", "anymore", "yet", "say", "said", "way", "ways", "option",
        "options", "hang", "hanging", "hook", "set", "setup", "add", "adding", "change", "changing", "swap", "remove", "move", "build",
        "kids", "kid", "children", "child", "son", "daughter", "wife", "husband", "mom", "dad", "mother", "father", "parents",
        "grandma", "grandmother", "grandpa", "neighbor", "neighbour", "friend", "mine", "time", "times", "bit", "little",
        "basically", "literally", "probably", "exactly", "cost", "much", "new", "done", "doing", "able", "nice", "find", "found",
        "figure", "sort", "deal", "happened", "went", "try", "trying", "tried", "call", "called", "calling", "tech", "techs",
        "technician", "technicians", "plumber", "plumbers", "electrician", "electricians", "worker", "workers", "crew", "crews",
        "staff", "employee", "employees", "team", "contractor", "contractors", "installer", "installers", "lawyer", "lawyers",
        "attorney", "attorneys", "agent", "agents", "realtor", "realtors", "guys", "sell", "carry", "stock", "supply", "supplies",
        "run", "runs", "running", "stop", "stops", "stopped", "keep", "keeps", "gallon", "gallons", "amp", "amps", "ton", "tons",
        "visit", "visits", "btu", "btus", "feet", "foot", "ft", "inch", "inches", "sq", "square", "volt", "volts", "watt", "watts", "size", "sized",
    ];

    /// <summary>
    /// Lower case without accents, contractions expanded (see <see cref="TextNormalizer"/>), "a.m." as "am", "$1,450" as
    /// "$1450", "8:30" as "8 30", and no punctuation but "$", "%" and "/".
    /// </summary>
    public static string Fold(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var s = text.ToLowerInvariant();
        s = Meridiem().Replace(s, "$1m");
        s = Thousands().Replace(s, "$1$2");
        s = ClockTime().Replace(s, "$1 $2");
        s = Percent().Replace(s, "$1 percent");
        s = TextNormalizer.Normalize(s).Replace('|', ' ').Replace('\'', ' ');
        return Spaces().Replace(s, " ").Trim();
    }

    /// <summary>The words of folded text ("$89" is "89", "a/c" is "a" and "c").</summary>
    public static IEnumerable<string> Words(string folded) =>
        WordPattern().Matches(folded).Select(m => m.Value);

    public static bool IsStop(string word) => s_stop.Contains(word);

    /// <summary>Words that weigh little: trade verbs, people, times, units and numbers ("a 50 gallon heater").</summary>
    public static bool IsGeneric(string word) => s_generic.Contains(word) || s_generic.Contains(Stem(word)) || word.All(char.IsAsciiDigit);

    /// <summary>A light English stemmer: plurals, -ing and -ed folded, so "leaks", "leaking" and "leaked" compare equal.</summary>
    public static string Stem(string w)
    {
        if (w.Length > 5 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return w[..^3] + "y";
        }

        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            return w[..^3];
        }

        if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            return w[..^2];
        }

        if (w.Length > 4 && (w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)
            || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("sses", StringComparison.Ordinal)))
        {
            return w[..^2];
        }

        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
            && !w.EndsWith("is", StringComparison.Ordinal))
        {
            return w[..^1];
        }

        return w;
    }

    /// <summary>
    /// How well a question word matches a passage word (both stemmed): 1 for the same word, 0.9 for one word being the
    /// other with an ending ("electric", "electrician"), 0.8 for a typo ("watr", "cleening"), else 0.
    /// </summary>
    public static double WordMatch(string question, string passage)
    {
        if (question == passage)
        {
            return 1;
        }

        var (shorter, longer) = question.Length <= passage.Length ? (question, passage) : (passage, question);
        if (shorter.Length >= 5 && longer.Length - shorter.Length <= 4 && longer.StartsWith(shorter, StringComparison.Ordinal))
        {
            return 0.9;
        }

        // Typos keep the first letter (people rarely mistype it, and it keeps "pool" from matching "tool").
        if (question.Length < 4 || passage.Length < 4 || question[0] != passage[0] || Math.Abs(question.Length - passage.Length) > 2)
        {
            return 0;
        }

        var distance = Distance(question, passage);
        // A changed letter in a short word is as often another word ("patent" and "parent", "pool" and "poll") as a
        // typo, so it counts from seven letters on; dropped, added and swapped letters count from five ("heatr", "drian").
        var substitution = question.Length == passage.Length && distance == 1 && !IsSwap(question, passage);
        return question.Length >= 9 && distance <= 2 ? 0.8
            : distance == 1 && (substitution ? question.Length >= 7 : question.Length >= 5) ? 0.8
            // Four letters: only a dropped letter ("watr" for "water").
            : question.Length == 4 && passage.Length == 5 && distance == 1 ? 0.8
            : 0;
    }

    static bool IsSwap(string a, string b)
    {
        var i = 0;
        while (i < a.Length && a[i] == b[i])
        {
            i++;
        }

        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..] == b[(i + 2)..];
    }

    // Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), small words only.
    static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    [GeneratedRegex(@"\b([ap])\.\s?m\b\.?")]
    private static partial Regex Meridiem();

    [GeneratedRegex(@"(\d),(\d{3})\b")]
    private static partial Regex Thousands();

    [GeneratedRegex(@"(\d):(\d\d)\b")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"(\d)\s?%")]
    private static partial Regex Percent();

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>
/// A question read for knowledge retrieval: the trade concepts it names (through <see cref="TradeLexicon"/>) and its
/// remaining content words, with the synonyms that widen the full-text and embedding queries.
/// </summary>
public sealed class KnowledgeQuestion
{
    KnowledgeQuestion(string folded, IReadOnlyList<TradeConcept> concepts, IReadOnlyList<string> words, IReadOnlyList<string> allWords)
    {
        Folded = folded;
        Concepts = concepts;
        Words = words;
        AllWords = allWords;
    }

    public string Folded { get; }

    /// <summary>The concepts named, in lexicon order (most specific first).</summary>
    public IReadOnlyList<TradeConcept> Concepts { get; }

    /// <summary>Content words no concept claimed ("shelbyville", "navien"), as written (not stemmed).</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Every content word of the question, claimed or not.</summary>
    public IReadOnlyList<string> AllWords { get; }

    /// <summary>Nothing to look for ("?!", "can you help me").</summary>
    public bool IsEmpty => Concepts.Count == 0 && Words.Count == 0;

    public bool NamesPolicy => Concepts.Any(c => c.Kind == ConceptKind.Policy);

    public static KnowledgeQuestion Parse(string question)
    {
        var folded = KnowledgeText.Fold(question);
        var remaining = " " + folded + " ";
        var concepts = new List<TradeConcept>();
        foreach (var concept in TradeLexicon.Concepts)
        {
            var matches = concept.CuesIn(remaining);
            if (matches.Count == 0)
            {
                continue;
            }

            if (concept.Kind != ConceptKind.Ignored)
            {
                concepts.Add(concept);
            }

            // The words a concept matched are its own: "after hours" must not also ask for opening hours.
            var chars = remaining.ToCharArray();
            foreach (Match m in matches)
            {
                for (var i = m.Index; i < m.Index + m.Length; i++)
                {
                    chars[i] = ' ';
                }
            }

            remaining = new string(chars);
        }

        static List<string> ContentWords(string text) =>
            [.. KnowledgeText.Words(text).Where(w => (w.Length >= 2 || char.IsDigit(w[0])) && !KnowledgeText.IsStop(w)).Distinct().Take(16)];

        return new KnowledgeQuestion(folded, concepts, ContentWords(remaining), ContentWords(folded));
    }

    /// <summary>
    /// The full-text query terms: the question's own words and its concepts' synonyms (phrases as "a &lt;-&gt; b"), each
    /// made of [a-z0-9] words only, so the tsquery cannot be injected.
    /// </summary>
    public IReadOnlyList<string> FullTextTerms()
    {
        var terms = new List<string>(AllWords.Where(w => w.Length >= 2));
        foreach (var expansion in Concepts.Where(c => c.Kind != ConceptKind.Facet || Concepts.Count == 1).SelectMany(c => c.Expansion))
        {
            var words = expansion.Split(" <-> ", StringSplitOptions.RemoveEmptyEntries);
            if (words.All(w => w.Length > 0 && w.All(char.IsAsciiLetterOrDigit)))
            {
                terms.Add(string.Join(" <-> ", words));
            }
        }

        return [.. terms.Distinct().Take(40)];
    }

    /// <summary>What the local embedder embeds: the question with its concepts' synonyms, so spelling-based vectors meet.</summary>
    public string EmbeddingText() =>
        string.Join(' ', new[] { Folded }.Concat(Concepts.Where(c => c.Kind != ConceptKind.Facet).SelectMany(c => c.Expansion).Select(e => e.Replace(" <-> ", " ", StringComparison.Ordinal))));
}
