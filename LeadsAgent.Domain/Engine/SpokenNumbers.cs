using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LeadsAgent.Domain.Engine;

/// <summary>
/// Numbers said as words in the six languages of the catalogue, read as the digits a person means: "cinco cinco
/// cinco" is 555, "cincuenta y cinco" is 55, "quinientos cincuenta y cinco" is 555, "double five" is 55, "zéro six"
/// is 06. Hand-written because the set is small and closed (digits, teens, tens, hundreds) and a phone or house
/// number is read group by group: each group keeps its own digits ("seis doce" is 612, never 18).
/// </summary>
public static partial class SpokenNumbers
{
    enum Kind
    {
        Digit,
        Teen,
        Tens,
        Compound,
        Hundreds,
        HundredWord,
        ThousandWord,
    }

    // Words are matched lower case without accents ("tres" for "três", "funf" for "fünf"); ß is kept as written.
    static readonly Dictionary<string, (int Value, Kind Kind)> s_words = Build();

    static Dictionary<string, (int, Kind)> Build()
    {
        var d = new Dictionary<string, (int, Kind)>(StringComparer.Ordinal);
        void Add(Kind kind, int value, params string[] words)
        {
            foreach (var w in words)
            {
                d[w] = (value, kind);
            }
        }

        // English
        string[] en = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
        string[] enTeens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        string[] enTens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        // Spanish
        string[] es = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"];
        string[] esTeens = ["diez", "once", "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete", "dieciocho", "diecinueve"];
        string[] esTens = ["veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"];
        string[] esVeinti = ["veintiuno", "veintidos", "veintitres", "veinticuatro", "veinticinco", "veintiseis", "veintisiete", "veintiocho", "veintinueve"];
        string[] esHundreds = ["ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos", "setecientos", "ochocientos", "novecientos"];
        // French (70 and 90 are built from 60 and 80: "soixante-dix", "quatre-vingt-dix")
        string[] fr = ["zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"];
        string[] frTeens = ["dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"];
        string[] frTens = ["vingt", "trente", "quarante", "cinquante", "soixante"];
        // German ("einundzwanzig" is one word: see GermanCompound)
        string[] de = ["null", "eins", "zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun"];
        string[] deTeens = ["zehn", "elf", "zwolf", "dreizehn", "vierzehn", "funfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"];
        string[] deTens = ["zwanzig", "dreißig", "vierzig", "funfzig", "sechzig", "siebzig", "achtzig", "neunzig"];
        // Italian ("ventitre" is one word: see ItalianCompound)
        string[] it = ["zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"];
        string[] itTeens = ["dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici", "diciassette", "diciotto", "diciannove"];
        string[] itTens = ["venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta"];
        // Portuguese
        string[] pt = ["zero", "um", "dois", "tres", "quatro", "cinco", "seis", "sete", "oito", "nove"];
        string[] ptTeens = ["dez", "onze", "doze", "treze", "catorze", "quinze", "dezesseis", "dezessete", "dezoito", "dezenove"];
        string[] ptTens = ["vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta", "noventa"];
        string[] ptHundreds = ["cento", "duzentos", "trezentos", "quatrocentos", "quinhentos", "seiscentos", "setecentos", "oitocentos", "novecentos"];

        // Each table lists its words in order: the value of word i is first + step * i.
        void AddSeries(Kind kind, int first, int step, params string[][] sets)
        {
            foreach (var set in sets)
            {
                for (var i = 0; i < set.Length; i++)
                {
                    Add(kind, first + (step * i), set[i]);
                }
            }
        }

        AddSeries(Kind.Digit, 0, 1, en, es, fr, de, it, pt);
        AddSeries(Kind.Teen, 10, 1, enTeens, esTeens, frTeens, deTeens, itTeens, ptTeens);
        AddSeries(Kind.Tens, 20, 10, enTens, esTens, frTens, deTens, itTens, ptTens);
        AddSeries(Kind.Compound, 21, 1, esVeinti);

        for (var i = 0; i < esHundreds.Length; i++)
        {
            Add(Kind.Hundreds, 100 * (i + 1), esHundreds[i]);
            Add(Kind.Hundreds, 100 * (i + 1), ptHundreds[i]);
        }

        // Written forms people and speech engines use besides the dictionary ones.
        Add(Kind.Digit, 0, "oh");
        Add(Kind.Digit, 1, "una", "uma", "ein", "eine");
        Add(Kind.Digit, 2, "zwo", "duas");
        Add(Kind.Digit, 6, "meia"); // Brazil reads 6 as "meia" (half a dozen) in phone numbers
        Add(Kind.Teen, 14, "quatorze");
        Add(Kind.Teen, 16, "dezasseis");
        Add(Kind.Teen, 17, "dezassete");
        Add(Kind.Teen, 19, "dezanove");
        Add(Kind.Tens, 30, "dreissig");
        Add(Kind.Tens, 40, "fourty");
        Add(Kind.Tens, 20, "vingts");
        Add(Kind.Hundreds, 100, "cien", "cem");
        Add(Kind.HundredWord, 100, "hundred", "cent", "hundert");
        Add(Kind.ThousandWord, 1000, "thousand", "mil", "mille", "tausend");
        return d;
    }

    /// <summary>Words that join two parts of one number: "cincuenta y cinco", "cinquenta e cinco", "vingt et un", "one hundred and five".</summary>
    static readonly HashSet<string> s_joiners = ["y", "e", "et", "and"];

    /// <summary>
    /// Reads one spoken number starting at <paramref name="start"/>: its digits as said (two words "seis doce" are two
    /// numbers, 6 and 12) and how many words it took; null when the word is no number.
    /// </summary>
    public static (string Digits, int Consumed)? Read(IReadOnlyList<string> words, int start)
    {
        if (start >= words.Count)
        {
            return null;
        }

        var w = words[start];
        if (w.Length > 0 && w.All(char.IsAsciiDigit))
        {
            return (w, 1);
        }

        // "doble cinco", "double five", "triple zero"
        if (w is "double" or "doble" or "triple" or "dupla" or "doppio" && start + 1 < words.Count
            && Lookup(words[start + 1]) is { Kind: Kind.Digit } repeated)
        {
            return (new string((char)('0' + repeated.Value), w.StartsWith('t') ? 3 : 2), 2);
        }

        if (Lookup(w) is not { } first)
        {
            return null;
        }

        switch (first.Kind)
        {
            case Kind.Hundreds:
                {
                    var rest = BelowHundred(words, start + 1, allowJoiner: false);
                    return ((first.Value + (rest?.Value ?? 0)).ToString(CultureInfo.InvariantCulture), 1 + (rest?.Consumed ?? 0));
                }

            case Kind.HundredWord:
                {
                    // "hundred" alone is one hundred ("cent" in French).
                    var rest = BelowHundred(words, start + 1, allowJoiner: true);
                    return ((100 + (rest?.Value ?? 0)).ToString(CultureInfo.InvariantCulture), 1 + (rest?.Consumed ?? 0));
                }

            case Kind.ThousandWord:
                return ("1000", 1);

            case Kind.Digit when first.Value > 0 && start + 1 < words.Count && Lookup(words[start + 1]) is { Kind: Kind.HundredWord }:
                {
                    // "eight hundred", "five hundred fifty five", "five hundred and five"; but "one eight hundred, five
                    // five five ..." goes on with a new group, so a bare digit after "hundred" is not taken.
                    var joined = start + 2 < words.Count && s_joiners.Contains(words[start + 2]);
                    var rest = BelowHundred(words, start + 2, allowJoiner: true);
                    if (rest is not null && !joined && rest.Value.Value < 10)
                    {
                        rest = null;
                    }

                    return ((first.Value * 100 + (rest?.Value ?? 0)).ToString(CultureInfo.InvariantCulture), 2 + (rest?.Consumed ?? 0));
                }

            case Kind.Digit when first.Value > 0 && start + 1 < words.Count && Lookup(words[start + 1]) is { Kind: Kind.ThousandWord }:
                // "two thousand" (555-2000 is read "five five five two thousand")
                return ((first.Value * 1000).ToString(CultureInfo.InvariantCulture), 2);
        }

        var below = BelowHundred(words, start, allowJoiner: false);
        if (below is { Value: >= 10 } tens && start + tens.Consumed < words.Count && Lookup(words[start + tens.Consumed]) is { Kind: Kind.HundredWord })
        {
            // "twelve hundred", "nineteen hundred and five": house numbers and years said in hundreds.
            var at = start + tens.Consumed + 1;
            var rest = BelowHundred(words, at, allowJoiner: true);
            return ((tens.Value * 100 + (rest?.Value ?? 0)).ToString(CultureInfo.InvariantCulture), tens.Consumed + 1 + (rest?.Consumed ?? 0));
        }

        return below is null ? null : (below.Value.Value.ToString(below.Value.Value < 10 ? "0" : "00", CultureInfo.InvariantCulture), below.Value.Consumed);
    }

    /// <summary>0 to 99 from one to four words: "seven", "seventeen", "seventy seven", "setenta y siete", "quatre vingt dix".</summary>
    static (int Value, int Consumed)? BelowHundred(IReadOnlyList<string> words, int start, bool allowJoiner)
    {
        var i = start;
        if (allowJoiner && i < words.Count && s_joiners.Contains(words[i]))
        {
            i++;
        }

        if (i >= words.Count || Lookup(words[i]) is not { } first || first.Kind is Kind.Hundreds or Kind.HundredWord or Kind.ThousandWord)
        {
            return null;
        }

        var skipped = i - start;
        switch (first.Kind)
        {
            case Kind.Digit when first.Value == 4 && i + 1 < words.Count && words[i + 1] is "vingt" or "vingts":
                {
                    // French 80-99: "quatre-vingt", "quatre-vingt-douze"
                    var tail = TensTail(words, i + 2, french: true);
                    return (80 + (tail?.Value ?? 0), skipped + 2 + (tail?.Consumed ?? 0));
                }

            case Kind.Digit:
                return (first.Value, skipped + 1);
            case Kind.Teen when first.Value == 10 && i + 1 < words.Count && Lookup(words[i + 1]) is { Kind: Kind.Digit, Value: >= 7 } unit && words[i] == "dix":
                // French "dix-sept", "dix-huit", "dix-neuf"
                return (10 + unit.Value, skipped + 2);
            case Kind.Teen or Kind.Compound:
                return (first.Value, skipped + 1);
            case Kind.Tens:
                {
                    var tail = TensTail(words, i + 1, french: first.Value == 60);
                    return (first.Value + (tail?.Value ?? 0), skipped + 1 + (tail?.Consumed ?? 0));
                }

            default:
                return null;
        }
    }

    /// <summary>The units after a tens word: "y cinco", "e cinco", "et un", "five"; in French also the teens ("soixante-douze").</summary>
    static (int Value, int Consumed)? TensTail(IReadOnlyList<string> words, int start, bool french)
    {
        var i = start;
        if (i < words.Count && s_joiners.Contains(words[i]))
        {
            i++;
        }

        if (i >= words.Count || Lookup(words[i]) is not { } unit)
        {
            return null;
        }

        if (unit.Kind == Kind.Digit && unit.Value > 0)
        {
            return (unit.Value, i - start + 1);
        }

        if (french && unit.Kind == Kind.Teen && words[i] is "dix" or "onze" or "douze" or "treize" or "quatorze" or "quinze" or "seize")
        {
            if (words[i] == "dix" && i + 1 < words.Count && Lookup(words[i + 1]) is { Kind: Kind.Digit, Value: >= 7 } late)
            {
                return (10 + late.Value, i - start + 2);
            }

            return (unit.Value, i - start + 1);
        }

        return null;
    }

    static (int Value, Kind Kind)? Lookup(string word)
    {
        if (s_words.TryGetValue(word, out var hit))
        {
            return hit;
        }

        if (GermanCompound().Match(word) is { Success: true } de && s_words.TryGetValue(de.Groups[1].Value == "ein" ? "eins" : de.Groups[1].Value, out var u)
            && s_words.TryGetValue(de.Groups[2].Value, out var t))
        {
            return (t.Value + u.Value, Kind.Compound);
        }

        if (ItalianCompound().Match(word) is { Success: true } it && s_words.TryGetValue(it.Groups[1].Value + (it.Groups[1].Value == "vent" ? "i" : "a"), out var tens)
            && s_words.TryGetValue(it.Groups[2].Value, out var unit))
        {
            return (tens.Value + unit.Value, Kind.Compound);
        }

        return null;
    }

    /// <summary>True when the word is part of a spoken number in one of the six languages.</summary>
    public static bool IsNumberWord(string word) => Lookup(word) is not null || word is "double" or "doble" or "triple" or "dupla" or "doppio";

    /// <summary>
    /// The text with each run of number words written as digits ("forty two oak street" → "42 oak street",
    /// "calle mayor numero doce" → "calle mayor numero 12").
    /// </summary>
    public static string WithNumerals(string text)
    {
        var tokens = WordTokens().Matches(text).ToList();
        var folded = tokens.Select(t => Fold(t.Value)).ToList();
        var sb = new StringBuilder();
        var last = 0;
        for (var i = 0; i < tokens.Count;)
        {
            var start = i;
            var digits = new StringBuilder();
            var words = 0;
            while (i < tokens.Count && Read(folded, i) is { } n && !folded[i].All(char.IsAsciiDigit))
            {
                digits.Append(n.Digits);
                i += n.Consumed;
                words += n.Consumed;
            }

            if (words == 0)
            {
                i++;
                continue;
            }

            // A lone digit word is an article or a pronoun far more often than a house number ("one way street",
            // "un"), and a few numbers are everyday words in another language ("once", "elf", "mil", "cent").
            if (words == 1 && (Lookup(folded[start]) is { Kind: Kind.Digit } || folded[start] is "once" or "elf" or "mil" or "cent" or "mille"))
            {
                continue;
            }

            var end = tokens[i - 1].Index + tokens[i - 1].Length;
            sb.Append(text, last, tokens[start].Index - last).Append(digits);
            last = end;
        }

        return sb.Append(text, last, text.Length - last).ToString();
    }

    /// <summary>Lower case without accents, one character for one, so positions in the folded text are positions in the original.</summary>
    public static string Fold(string text)
    {
        var chars = text.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] > 127 && chars[i] != 'ß' && !char.IsSurrogate(chars[i]))
            {
                var bare = chars[i].ToString().Normalize(NormalizationForm.FormD)[0];
                chars[i] = bare;
            }
        }

        return new string(chars);
    }

    [GeneratedRegex(@"^(ein|zwei|drei|vier|funf|sechs|sieben|acht|neun)und(zwanzig|dreißig|dreissig|vierzig|funfzig|sechzig|siebzig|achtzig|neunzig)$")]
    private static partial Regex GermanCompound();

    [GeneratedRegex(@"^(vent|trent|quarant|cinquant|sessant|settant|ottant|novant)[ai]?(uno|due|tre|quattro|cinque|sei|sette|otto|nove)$")]
    private static partial Regex ItalianCompound();

    [GeneratedRegex(@"\d+|\p{L}+")]
    private static partial Regex WordTokens();
}
