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
        ["n"] = "and", ["w/"] = "with", ["rn"] = "right now",
        ["tmrw"] = "tomorrow", ["tmr"] = "tomorrow", ["tonite"] = "tonight", ["2day"] = "today", ["2nite"] = "tonight",
        ["everywheres"] = "everywhere", ["tho"] = "though", ["nvm"] = "never mind", ["nevermind"] = "never mind",
        ["gonna"] = "going to", ["wanna"] = "want to", ["gotta"] = "got to", ["kinda"] = "kind of", ["sorta"] = "sort of",
        ["dunno"] = "do not know", ["idk"] = "i do not know", ["smth"] = "something", ["sth"] = "something",
        ["ppl"] = "people", ["b4"] = "before", ["abt"] = "about", ["wit"] = "with", ["hv"] = "have", ["ya'll"] = "you all",
        ["y'all"] = "you all", ["yall"] = "you all", ["flodded"] = "flooded", ["flooting"] = "flooding", ["leeks"] = "leaks",
        ["leakn"] = "leaking", ["sparkd"] = "sparked", ["smokin"] = "smoking", ["comin"] = "coming", ["goin"] = "going",
        ["runnin"] = "running", ["workin"] = "working", ["beepin"] = "beeping", ["trippin"] = "tripping", ["shootin"] = "shooting",
        ["sewer's"] = "sewer is", ["airconditioner"] = "air conditioner", ["aircon"] = "air conditioner", ["furnice"] = "furnace",
        ["furnase"] = "furnace", ["thermastat"] = "thermostat", ["thermostate"] = "thermostat", ["brekaer"] = "breaker",
        ["breakr"] = "breaker", ["outlit"] = "outlet", ["toliet"] = "toilet", ["toilette"] = "toilet", ["fawcet"] = "faucet",
        ["facet"] = "faucet", ["dispoal"] = "disposal", ["disposel"] = "disposal", ["monoxide's"] = "monoxide is",
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
        // Speech recognition hears "CO" as letters or words: "the see oh detector", "c o alarm", "sea oh".
        (new Regex(@"\b(see|sea|c) (oh|o|0) (?=(detector|alarm|monitor|sensor|meter|reading|level|leak|poisoning)s?\b)", RegexOptions.Compiled), "co "),
        // "furnace" heard as "furnish" and "leaking" as "licking" only where the word cannot be meant.
        (new Regex(@"\b(the|my|our|a|that|this|your) furnish\b", RegexOptions.Compiled), "$1 furnace"),
        (new Regex(@"\b(is|are|keeps|been|started|it is|it's) licking\b", RegexOptions.Compiled), "$1 leaking"),
        // A noun's "'s" before a verb form is "is" or "has", not a possessive: "the water's coming in", "power's out",
        // "the tap water's been brown". A possessive stays ("my mom's oxygen").
        (new Regex(@"\b([a-z]+)'s been\b", RegexOptions.Compiled), "$1 has been"),
        (new Regex(@"\b([a-z]+)'s (?=([a-z]+ing|out|off|down|gone|dead|broken|broke|busted|still|not|almost|already|all|everywhere|on fire|up|in|fine|ok|okay|stuck|frozen|leaking|flooded|flooding|clogged|blocked|burnt|burned|melted|smoking|hot|warm|cold|freezing|sparking|tripped|out)\b)", RegexOptions.Compiled), "$1 is "),
        // Texting "because" ("cause", "cuz", "bc") starts a new clause, as the normaliser does for "because".
        (new Regex(@" (cuz|coz|bc|b/c) ", RegexOptions.Compiled), " | because "),
        (new Regex(@"(?<!\b(could|would|will|can|might|may|to|the|a|what|that|which|main|root|probable|likely)) cause (?=(i|we|my|our|he|she|they|someone|somebody|the|it|there|its|of)\b)", RegexOptions.Compiled), " | because "),
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
