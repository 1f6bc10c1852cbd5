using System.Text.RegularExpressions;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Text;

namespace LeadsAgent.Domain.Engine;

/// <summary>
/// What an emergency caller hears first: the fixed script for the hazard, in the conversation's language, then at most
/// a sentence or two from the business's own knowledge about that hazard ("the main valve is by the water meter").
/// A passage may add to the script, never replace or shorten it.
/// </summary>
public static partial class SafetyAdvice
{
    static readonly Dictionary<Hazard, Regex> s_about = new()
    {
        [Hazard.Water] = new(@"\b(main (water )?(valve|shut ?off)|shut ?off valve|stop ?cock|(turn|shut) (off )?the water|water main|burst|flood\w*|llave de paso)\b", RegexOptions.Compiled),
        [Hazard.Gas] = new(@"\b(gas|propane|rotten egg)\b", RegexOptions.Compiled),
        [Hazard.CarbonMonoxide] = new(@"\b(carbon monoxide|co (alarm|detector)|monoxido)\b", RegexOptions.Compiled),
        [Hazard.Fire] = new(@"\b(fire|smoke|sparks?|burning|fuego|humo)\b", RegexOptions.Compiled),
        [Hazard.Electrical] = new(@"\b(breaker|electric\w*|live wires?|power lines?|shock)\b", RegexOptions.Compiled),
        [Hazard.Medical] = new(@"\b(oxygen|medical equipment|life support|oxigeno)\b", RegexOptions.Compiled),
    };

    /// <summary>The language of the safety script: the call's language on the phone, the visitor's in chat when it shows.</summary>
    public static string LanguageFor(bool voice, string? messageLanguage, string businessLanguage) =>
        voice ? businessLanguage : messageLanguage ?? businessLanguage;

    /// <summary>The script, then any advice sentences of the business's passages about the same hazard, within maxExtra characters.</summary>
    public static string Compose(SafetyScript script, IReadOnlyList<KnowledgePassage> passages, int maxExtra)
    {
        if (!s_about.TryGetValue(script.Hazard, out var about))
        {
            return script.Text;
        }

        var extra = new List<string>();
        foreach (var passage in passages.Where(p => about.IsMatch(TextNormalizer.Normalize(p.Title + " " + p.Content))))
        {
            foreach (var sentence in SentenceSplit().Split(passage.Content).Select(s => s.Trim()).Where(s => s.Length > 0))
            {
                var normalized = TextNormalizer.Normalize(sentence);
                var sameLanguage = EmergencyTriage.DetectLanguage(normalized) is not { } lang || lang == script.Language;
                if (about.IsMatch(normalized) && Advice().IsMatch(normalized) && sameLanguage
                    && extra.Sum(e => e.Length + 1) + sentence.Length <= maxExtra && !script.Text.Contains(sentence, StringComparison.OrdinalIgnoreCase))
                {
                    extra.Add(sentence);
                }
            }

            if (extra.Count > 0)
            {
                break;
            }
        }

        return extra.Count == 0 ? script.Text : script.Text + " " + string.Join(" ", extra);
    }

    [GeneratedRegex(@"\b(turn off|turn it off|shut off|shut it off|shut|close|leave|get out|call|open (the )?windows|switch off|do not|never|keep|stay|unplug|evacuate|located|is (in|by|under|next to|near)|cierre|salga|llame)\b")]
    private static partial Regex Advice();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceSplit();
}
