using System.Text.RegularExpressions;

namespace LeadsAgent.Domain.Emergencies;

/// <summary>
/// Texting and speech-recognition spellings mapped to the words the triage lexicons use, on normalised text:
/// "pls send someone water pourin thru the ceiling" reads as "please send someone water pouring through the ceiling".
/// Only spellings that cannot mean anything else here are mapped.
/// </summary>
static partial class Spelling
{
    static readonly Dictionary<string, string> s_words = new()
    {
        ["thru"] = "through", ["pls"] = "please", ["plz"] = "please", ["plse"] = "please", ["u"] = "you", ["ur"] = "your",
        ["wter"] = "water", ["watter"] = "water", ["warter"] = "water", ["basment"] = "basement", ["basemnt"] = "basement",
        ["evry"] = "every", ["everywere"] = "everywhere", ["evrywhere"] = "everywhere", ["bust"] = "burst", ["busted"] = "burst",
        ["spakring"] = "sparking", ["sparkin"] = "sparking", ["pourin"] = "pouring", ["leakin"] = "leaking", ["flodding"] = "flooding",
        ["floding"] = "flooding", ["smel"] = "smell", ["leek"] = "leak", ["leeking"] = "leaking",
        ["gass"] = "gas", ["clogd"] = "clogged", ["cloged"] = "clogged", ["lil"] = "little", ["theres"] = "there is",
        ["its"] = "it is", ["im"] = "i am", ["thats"] = "that is", ["whats"] = "what is", ["emergancy"] = "emergency",
        ["emergencey"] = "emergency", ["emerjency"] = "emergency", ["arested"] = "arrested", ["warrent"] = "warrant",
        ["closeing"] = "closing", ["smokeing"] = "smoking", ["burnin"] = "burning", ["gushin"] = "gushing", 
        ["furnance"] = "furnace", ["heatter"] = "heater", ["electricty"] = "electricity", ["eletricity"] = "electricity",
        ["n"] = "and", ["w/"] = "with", ["b/c"] = "because", ["rn"] = "right now", 
        ["tmrw"] = "tomorrow", ["tmr"] = "tomorrow", ["tonite"] = "tonight", ["2day"] = "today", ["2nite"] = "tonight",
    };

    static readonly (Regex Pattern, string Replacement)[] s_phrases =
    [
        (new Regex(@"\bevery where\b", RegexOptions.Compiled), "everywhere"),
        (new Regex(@"\bnon stop\b", RegexOptions.Compiled), "nonstop"),
        (new Regex(@"\bmono ?x?oxide\b|\bmonoxcide\b|\bmonoxyde\b", RegexOptions.Compiled), "monoxide"),
        (new Regex(@"\bmono oxido\b", RegexOptions.Compiled), "monoxido"),
        (new Regex(@"\bc\.? ?o\.? (alarm|detector|monitor)", RegexOptions.Compiled), "co $1"),
        (new Regex(@"\ba ?/ ?c\b", RegexOptions.Compiled), "ac"),
        (new Regex(@"\ba c (unit|is|isnt|stopped|quit|broke|not)\b", RegexOptions.Compiled), "ac $1"),
    ];

    public static string Fix(string normalized)
    {
        if (normalized.Length == 0)
        {
            return normalized;
        }

        var words = normalized.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (s_words.TryGetValue(words[i], out var fixedWord))
            {
                words[i] = fixedWord;
            }
        }

        var text = string.Join(' ', words);
        foreach (var (pattern, replacement) in s_phrases)
        {
            text = pattern.Replace(text, replacement);
        }

        return text;
    }
}
