using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LeadsAgent.Domain.Common;

namespace LeadsAgent.Domain.Engine;

/// <summary>The kinds of facts the agent pulls out of what people say.</summary>
public enum EntityKind
{
    Email,
    Phone,
    Name,
    DateTime,
    Amount,
    Location,
}

/// <summary>One extracted fact: its normalised value, the words it came from, the utterance and how sure we are.</summary>
public sealed record ExtractedEntity(EntityKind Kind, string Value, string Raw, string Utterance, double Confidence);

/// <summary>Where and when the words were said: the business's time zone and country code shape dates and phones.</summary>
public sealed record ExtractionContext(DateTimeOffset Now, string TimeZoneId, bool ExpectingName = false)
{
    public TimeZoneInfo TimeZone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var tz) ? tz : TimeZoneInfo.Utc;

    // Latin America's zones are "America/..." like the United States' but dial their own country codes.
    static readonly Dictionary<string, string> s_latinAmerica = new(StringComparer.Ordinal)
    {
        ["America/Mexico_City"] = "52", ["America/Monterrey"] = "52", ["America/Cancun"] = "52", ["America/Merida"] = "52",
        ["America/Chihuahua"] = "52", ["America/Hermosillo"] = "52", ["America/Mazatlan"] = "52", ["America/Tijuana"] = "52",
        ["America/Matamoros"] = "52", ["America/Bahia_Banderas"] = "52", ["America/Ojinaga"] = "52", ["America/Ciudad_Juarez"] = "52",
        ["America/Bogota"] = "57", ["America/Lima"] = "51", ["America/Santiago"] = "56", ["America/Caracas"] = "58",
        ["America/Guayaquil"] = "593", ["America/Montevideo"] = "598", ["America/Asuncion"] = "595", ["America/La_Paz"] = "591",
        ["America/Guatemala"] = "502", ["America/El_Salvador"] = "503", ["America/Tegucigalpa"] = "504", ["America/Managua"] = "505",
        ["America/Costa_Rica"] = "506", ["America/Panama"] = "507", ["America/Havana"] = "53",
        ["America/Sao_Paulo"] = "55", ["America/Bahia"] = "55", ["America/Fortaleza"] = "55", ["America/Recife"] = "55",
        ["America/Manaus"] = "55", ["America/Belem"] = "55", ["America/Cuiaba"] = "55", ["America/Campo_Grande"] = "55",
        ["America/Maceio"] = "55", ["America/Porto_Velho"] = "55", ["America/Rio_Branco"] = "55", ["America/Boa_Vista"] = "55",
        ["America/Araguaina"] = "55", ["America/Santarem"] = "55", ["America/Noronha"] = "55",
    };

    /// <summary>The country calling code numbers without one belong to, from the business's time zone.</summary>
    public string DefaultCallingCode => TimeZoneId switch
    {
        var z when s_latinAmerica.TryGetValue(z, out var code) => code,
        var z when z.StartsWith("America/Argentina/", StringComparison.Ordinal) || z == "America/Buenos_Aires" => "54",
        var z when z.StartsWith("America/", StringComparison.Ordinal) || z.StartsWith("US/", StringComparison.Ordinal)
            || z.StartsWith("Canada/", StringComparison.Ordinal) || z == "Pacific/Honolulu" => "1",
        "Europe/London" or "Europe/Belfast" => "44",
        "Europe/Dublin" => "353",
        "Europe/Madrid" or "Atlantic/Canary" or "Africa/Ceuta" => "34",
        "Europe/Lisbon" or "Atlantic/Madeira" or "Atlantic/Azores" => "351",
        "Europe/Paris" => "33",
        "Europe/Berlin" => "49",
        "Europe/Vienna" => "43",
        "Europe/Zurich" => "41",
        "Europe/Brussels" => "32",
        "Europe/Amsterdam" => "31",
        "Europe/Rome" => "39",
        var z when z.StartsWith("Australia/", StringComparison.Ordinal) => "61",
        "Pacific/Auckland" => "64",
        _ => "1",
    };

    /// <summary>Day before month (05/12 is 5 December) outside North America.</summary>
    public bool DayFirst => DefaultCallingCode != "1";
}

/// <summary>Deterministic extraction of emails, phones, names, dates and times, amounts and locations.</summary>
public static partial class EntityExtractor
{
    public static IReadOnlyList<ExtractedEntity> Extract(string utterance, ExtractionContext context)
    {
        var found = new List<ExtractedEntity>();
        if (string.IsNullOrWhiteSpace(utterance))
        {
            return found;
        }

        found.AddRange(Emails(utterance));
        var phones = Phones(utterance, context).ToList();
        found.AddRange(phones);
        if (FindName(utterance, context.ExpectingName) is { } name)
        {
            found.Add(new ExtractedEntity(EntityKind.Name, name.Value, name.Raw, utterance, name.Confidence));
        }

        // "it broke on Monday" tells when the trouble began, not when to come.
        if (FindDateTime(utterance, context) is { } when && !AnswerValidator.IsPastEvent(utterance))
        {
            found.Add(when with { Utterance = utterance });
        }

        found.AddRange(Amounts(utterance));
        found.AddRange(Locations(utterance, phones));
        return found;
    }

    // ---------------------------------------------------------------- email

    static IEnumerable<ExtractedEntity> Emails(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in EmailPattern().Matches(text))
        {
            var value = m.Value.TrimEnd('.').ToLowerInvariant();
            if (seen.Add(value))
            {
                yield return new ExtractedEntity(EntityKind.Email, value, m.Value, text, 0.95);
            }
        }

        foreach (var (value, raw) in SpokenEmails(text))
        {
            if (seen.Add(value))
            {
                yield return new ExtractedEntity(EntityKind.Email, value, raw, text, 0.75);
            }
        }
    }

    public static string? FirstEmail(string text) => Emails(text).FirstOrDefault()?.Value;

    // The words for the symbols of an address, as people say them in the six languages ("guion bajo" is "_").
    static readonly Dictionary<string, string> s_emailSymbols = new(StringComparer.Ordinal)
    {
        ["at"] = "@", ["arroba"] = "@", ["arobase"] = "@", ["arobas"] = "@", ["chiocciola"] = "@", ["at-zeichen"] = "@", ["klammeraffe"] = "@",
        ["dot"] = ".", ["punto"] = ".", ["point"] = ".", ["punkt"] = ".", ["ponto"] = ".", ["period"] = ".",
        ["underscore"] = "_", ["unterstrich"] = "_", ["sublinhado"] = "_", ["underline"] = "_", ["subrayado"] = "_",
        ["dash"] = "-", ["hyphen"] = "-", ["guion"] = "-", ["tiret"] = "-", ["trattino"] = "-", ["bindestrich"] = "-", ["hifen"] = "-",
        ["traco"] = "-", ["minus"] = "-",
    };

    static readonly Dictionary<string, string> s_emailSymbolPairs = new(StringComparer.Ordinal)
    {
        ["guion bajo"] = "_", ["tiret bas"] = "_", ["trattino basso"] = "_", ["under score"] = "_", ["at sign"] = "@", ["at symbol"] = "@",
        ["guion medio"] = "-", ["huit tiret"] = "_",
    };

    // Words before an address that are not part of it: "my email is ...", "mi correo es ...".
    static readonly HashSet<string> s_emailStops =
    [
        "is", "es", "my", "mi", "email", "e-mail", "mail", "correo", "electronico", "address", "direccion", "it's", "its", "it", "c'est",
        "est", "ist", "meine", "mein", "la", "el", "il", "mio", "meu", "minha", "and", "y", "sorry", "yes", "si", "ok", "okay", "that's",
        "me", "to", "send", "write", "envia", "escribe", "adresse", "courriel", "indirizzo", "endereco", "the", "your", "use", "try",
        "or", "o", "ou", "oder", "sure", "yeah", "it'd", "be", "would", "is:", "at", "@", "a", "en", "por", "favor", "please", "um", "uh",
    ];

    static readonly HashSet<string> s_topLevelDomains =
    [
        "com", "net", "org", "edu", "gov", "mil", "io", "co", "us", "ca", "uk", "info", "biz", "me", "mx", "es", "fr", "de", "it", "pt",
        "br", "ar", "cl", "pe", "ve", "ec", "uy", "py", "bo", "cr", "gt", "hn", "sv", "ni", "pa", "do", "pr", "cu", "eu", "be", "ch",
        "at", "nl", "au", "nz", "ie", "in", "app", "dev", "ai", "tv", "online", "site", "store", "shop", "email", "live", "cat", "pro",
    ];

    /// <summary>
    /// Addresses spoken or typed as words: "john dot smith at gmail dot com", "juan punto pérez arroba gmail punto
    /// com", "ana guion bajo ruiz arroba hotmail punto es". The domain must end in a known top-level domain, so an
    /// ordinary "at" ("call me at noon") is never read as one.
    /// </summary>
    static IEnumerable<(string Value, string Raw)> SpokenEmails(string text)
    {
        var folded = SpokenNumbers.Fold(text);
        var tokens = new List<(string Sym, int Start, int End)>();
        foreach (Match m in EmailWordToken().Matches(folded))
        {
            var word = m.Value.TrimEnd('.', '!', '?');
            var end = m.Index + word.Length;
            if (tokens.Count > 0 && s_emailSymbolPairs.TryGetValue(tokens[^1].Sym + " " + word, out var pair))
            {
                tokens[^1] = (pair, tokens[^1].Start, end);
                continue;
            }

            if (tokens.Count > 0 && tokens[^1].Sym == "-" && word == "bajo")
            {
                tokens[^1] = ("_", tokens[^1].Start, end);
                continue;
            }

            tokens.Add((s_emailSymbols.TryGetValue(word, out var sym) ? sym : word, m.Index, end));
        }

        static bool Literal(string s) => s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+') && char.IsAsciiLetterOrDigit(s[0]);

        for (var k = 1; k < tokens.Count - 1; k++)
        {
            if (tokens[k].Sym != "@")
            {
                continue;
            }

            // The domain: labels joined by dots, ending in a known top-level domain.
            var domain = new StringBuilder();
            var j = k + 1;
            while (j < tokens.Count && Literal(tokens[j].Sym) && (domain.Length > 0 || !s_emailStops.Contains(tokens[j].Sym)))
            {
                domain.Append(tokens[j].Sym);
                j++;
                if (j + 1 < tokens.Count && tokens[j].Sym is "." or "-" && Literal(tokens[j + 1].Sym))
                {
                    domain.Append(tokens[j].Sym);
                    j++;
                    continue;
                }

                break;
            }

            var host = domain.ToString().Trim('.');
            var tld = host.Contains('.', StringComparison.Ordinal) ? host[(host.LastIndexOf('.') + 1)..] : "";
            if (!s_topLevelDomains.Contains(tld))
            {
                continue;
            }

            // The name part: back from the "at" over words and symbols, to a word that is not part of it.
            var first = k;
            var bareRun = 0;
            for (var i = k - 1; i >= 0 && k - i <= 8; i--)
            {
                var sym = tokens[i].Sym;
                if (sym is "." or "_" or "-")
                {
                    if (first == k)
                    {
                        break;
                    }

                    first = i;
                    bareRun = 0;
                    continue;
                }

                if (!Literal(sym) || (s_emailStops.Contains(sym) && sym.Length > 1))
                {
                    break;
                }

                // Two words said one after the other are one name part ("john smith" is johnsmith), more are a sentence,
                // unless they are letters spelled out ("j o h n").
                var afterSymbol = first < k && tokens[first].Sym is "." or "_" or "-";
                var spelled = sym.Length == 1 && tokens[first].Sym.Length == 1;
                var oneNumber = SpokenNumbers.IsNumberWord(sym) && SpokenNumbers.IsNumberWord(tokens[first].Sym);
                if (!afterSymbol && first < k && !spelled && !oneNumber && ++bareRun >= 2)
                {
                    break;
                }

                first = i;
            }

            if (first == k || tokens[first].Sym is "." or "_" or "-")
            {
                continue;
            }

            var local = new StringBuilder();
            var words = tokens.Skip(first).Take(k - first).Select(t => t.Sym).ToList();
            for (var w = 0; w < words.Count; w++)
            {
                // "john smith eighty two" is johnsmith82.
                if (SpokenNumbers.IsNumberWord(words[w]) && SpokenNumbers.Read(words, w) is { } n)
                {
                    local.Append(n.Digits);
                    w += n.Consumed - 1;
                    continue;
                }

                local.Append(words[w]);
            }

            var value = local + "@" + host;
            if (EmailPattern().Match(value) is { Success: true } valid && valid.Value == value)
            {
                yield return (value, text[tokens[first].Start..tokens[j - 1].End]);
            }
        }
    }

    // ---------------------------------------------------------------- phone

    // Words only Portuguese uses for digits: with one of them in the number, "um" is the digit 1, not a filler.
    static readonly HashSet<string> s_portugueseDigits = ["dois", "duas", "sete", "oito", "nove", "meia", "dez", "vinte", "trinta", "oitenta"];
    static readonly HashSet<string> s_phoneSeparators = ["dash", "hyphen", "guion", "tiret", "trattino", "bindestrich", "hifen", "traco"];
    static readonly HashSet<string> s_phoneFillers = ["um", "uh", "er", "erm", "eh", "este", "pues", "euh", "ahm", "ehm", "ah", "mmm"];
    static readonly HashSet<string> s_phoneJoiners = ["y", "e", "and", "et", "und"];

    /// <summary>
    /// Phone numbers as typed ("(555) 123-4567", "+44 20 7946 0958") or spoken, in any of the six languages, digit by
    /// digit or in groups ("five five five one two three ...", "cinco cinco cinco, uno dos tres ...", "seis doce,
    /// treinta y cuatro, cincuenta y seis", "double five", "zéro six douze").
    /// </summary>
    static IEnumerable<ExtractedEntity> Phones(string text, ExtractionContext context)
    {
        var folded = SpokenNumbers.Fold(text);
        var tokens = PhoneTokens().Matches(folded).Select(m => (m.Value, m.Index)).ToList();
        var words = tokens.Select(t => t.Value.TrimStart('+')).ToList();
        var portuguese = words.Any(s_portugueseDigits.Contains);
        var run = new StringBuilder();
        int runStart = -1, runEnd = -1;
        var plus = false;
        var spoken = false;
        var results = new List<ExtractedEntity>();

        void Flush()
        {
            if (run.Length >= 7 && PhoneFromDigits(run.ToString(), plus, context) is { } e164)
            {
                results.Add(new ExtractedEntity(EntityKind.Phone, e164, text[runStart..runEnd], text, spoken ? 0.8 : 0.95));
            }

            run.Clear();
            runStart = -1;
            plus = false;
            spoken = false;
        }

        bool NextIsNumber(int i) => i + 1 < words.Count && SpokenNumbers.Read(words, i + 1) is not null;

        for (var i = 0; i < tokens.Count; i++)
        {
            var word = words[i];
            string? digits = null;
            var consumed = 1;
            if (word == "um" && !portuguese)
            {
                // An English "um" is a hesitation, not the Portuguese "one".
                if (run.Length > 0)
                {
                    continue;
                }

                Flush();
                continue;
            }

            if (word is "oh" or "o")
            {
                // "oh" is zero inside a number or before one ("oh two oh, seven nine four six"); "oh, it's five five
                // five..." starts no number.
                digits = run.Length > 0 || (word == "oh" && NextIsNumber(i)) ? "0" : null;
            }
            else if (SpokenNumbers.Read(words, i) is { } n)
            {
                digits = n.Digits;
                consumed = n.Consumed;
                spoken |= !word.All(char.IsAsciiDigit);
            }
            else if (run.Length > 0 && (s_phoneSeparators.Contains(word) || s_phoneFillers.Contains(word) || (s_phoneJoiners.Contains(word) && NextIsNumber(i))))
            {
                continue;
            }

            if (digits is null)
            {
                Flush();
                continue;
            }

            if (run.Length == 0)
            {
                runStart = tokens[i].Index;
                plus = tokens[i].Value.StartsWith('+');
            }

            run.Append(digits);
            var last = tokens[i + consumed - 1];
            runEnd = last.Index + last.Value.Length;
            i += consumed - 1;
            if (run.Length > 15)
            {
                Flush();
            }
        }

        Flush();
        return results;
    }

    static string? PhoneFromDigits(string digits, bool plus, ExtractionContext context)
    {
        if (plus)
        {
            return PhoneNumbers.Normalize("+" + digits);
        }

        if (digits.StartsWith("00", StringComparison.Ordinal) && digits.Length >= 10)
        {
            return PhoneNumbers.Normalize("+" + digits[2..]);
        }

        var code = context.DefaultCallingCode;
        string? national = code switch
        {
            // North American area codes never start with 0 or 1.
            "1" => (digits.Length == 10 && digits[0] >= '2') || (digits.Length == 11 && digits[0] == '1' && digits[1] >= '2') ? PhoneNumbers.Normalize(digits) : null,
            // No trunk prefix: Spain, Portugal, Chile and Peru dial nine digits, Mexico and Colombia ten.
            "34" or "351" or "56" or "51" when digits.Length == 9 && digits[0] != '0' => PhoneNumbers.Normalize("+" + code + digits),
            "52" or "57" when digits.Length == 10 && digits[0] != '0' => PhoneNumbers.Normalize("+" + code + digits),
            // Italy keeps the 0 of a landline after +39; mobiles start with 3.
            "39" when (digits[0] == '0' && digits.Length is >= 6 and <= 11) || (digits[0] == '3' && digits.Length is 9 or 10) => PhoneNumbers.Normalize("+39" + digits),
            // Brazil: two-digit area code and eight or nine digits, sometimes said with the trunk 0.
            "55" when digits[0] != '0' && digits.Length is 10 or 11 => PhoneNumbers.Normalize("+55" + digits),
            "55" when digits[0] == '0' && digits.Length is 11 or 12 => PhoneNumbers.Normalize("+55" + digits[1..]),
            _ => null,
        };
        if (national is not null || code == "1")
        {
            return national;
        }

        // National numbers elsewhere start with a trunk 0: 020 7946 0958 is +44 20 7946 0958.
        if (digits.StartsWith('0') && digits.Length is >= 9 and <= 12 && code is not ("34" or "351" or "52" or "57" or "56" or "51" or "39"))
        {
            return PhoneNumbers.Normalize("+" + code + digits[1..]);
        }

        if (digits.StartsWith(code, StringComparison.Ordinal) && digits.Length >= 10)
        {
            return PhoneNumbers.Normalize("+" + digits);
        }

        // A North American number given to a business elsewhere: 1 and ten digits.
        return digits.Length == 11 && digits[0] == '1' ? PhoneNumbers.Normalize("+" + digits) : null;
    }

    public static string? FirstPhone(string text, ExtractionContext context) => Phones(text, context).FirstOrDefault()?.Value;

    // ---------------------------------------------------------------- name

    // Words that end a name or show there is none: function words, answers, times, feelings and roles, in the six
    // languages. Months are left out on purpose (May, June and April are names).
    static readonly HashSet<string> s_notNames =
    [
        "calling", "having", "looking", "from", "with", "the", "a", "an", "and", "here", "at", "about", "interested", "trying",
        "going", "not", "so", "just", "very", "really", "sure", "ok", "okay", "fine", "good", "great", "sorry", "glad", "happy",
        "wondering", "in", "on", "to", "for", "need", "needing", "want", "wanting", "hoping", "afraid", "worried", "concerned",
        "your", "you", "my", "is", "it", "yes", "yeah", "yep", "yup", "no", "nope", "nah", "hi", "hello", "hey", "still", "also",
        "thinking", "getting", "seeing", "home", "out", "currently", "now", "new", "customer", "owner", "tenant", "landlord",
        "homeowner", "renter", "buyer", "seller", "selling", "buying", "done", "back", "ready", "available", "free", "busy", "there",
        "pretty", "kind", "sort", "that", "this", "who", "what", "why", "how", "where", "when", "because", "since", "if", "please",
        "thanks", "thank", "emergency", "urgent", "plumber", "electrician", "lawyer", "agent", "me", "we", "our", "his", "her",
        "their", "of", "or", "by", "as", "be", "been", "any", "some", "all", "call", "phone", "number", "email", "address", "street",
        "problem", "can", "could", "would", "should", "do", "does", "did", "don't", "dont", "it's", "its", "i'm", "im", "is",
        "was", "were", "are", "am", "have", "has", "had", "got", "get", "help", "water", "fire", "smoke", "gas", "power", "heat",
        "cold", "hot", "house", "everywhere", "again", "quick", "quickly", "fast", "soon", "later", "today", "tomorrow", "tonight",
        "asap", "morning", "afternoon", "evening", "night", "weekend", "week", "next", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "anytime", "whenever", "nobody", "none", "unknown", "anonymous", "person", "someone",
        "somebody", "lady", "sir", "madam", "ma'am", "um", "uh", "hmm", "er", "oh", "well", "wait", "hold", "one", "sec",
        "second", "minute", "moment", "idea", "know", "dunno", "nothing", "name", "names", "why's", "what's", "below", "above", "rather", "right",
        "over", "under", "minus", "old", "mild", "single", "double", "out", "off", "up", "down", "inside", "outside", "gone",
        // Spanish
        "si", "sí", "hola", "buenas", "buenos", "días", "gracias", "por", "favor", "el", "la", "los", "las", "de", "del",
        "mi", "un", "una", "es", "soy", "que", "qué", "como", "cómo", "no", "bueno", "vale", "claro", "mande", "aquí", "aqui", "allí",
        "ahora", "hoy", "mañana", "manana", "tarde", "noche", "luego", "pronto", "urgente", "ayuda", "agua", "fuego", "humo", "casa",
        "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo", "semana", "para", "con",
        "en", "y", "o", "pero", "porque", "tengo", "necesito", "quiero", "llamo", "nombre",
        // French, German, Italian, Portuguese
        "oui", "non", "bonjour", "salut", "merci", "je", "suis", "c'est", "le", "les", "une", "du", "des", "au", "à", "très", "pas",
        "demain", "aujourd'hui", "soir", "matin", "ja", "nein", "hallo", "danke", "bitte", "ich", "bin", "der", "die", "das", "ein",
        "eine", "nicht", "sehr", "zu", "im", "um", "morgen", "heute", "abend", "ciao", "grazie", "sono", "il", "lo", "di", "da",
        "molto", "domani", "oggi", "sera", "sim", "não", "nao", "olá", "ola", "obrigado", "obrigada", "eu", "sou", "na",
        "do", "da", "muito", "amanhã", "amanha", "hoje", "agora", "noite",
    ];

    // Job words that are also names or surnames (Tina, Pia, Cano, Case, Lock): never a reason to refuse a name.
    static readonly HashSet<string> s_jobWordsThatAreNames = ["tina", "pia", "cano", "case", "lock", "washer", "rohr", "dryer", "heater", "rota", "fuga"];

    // Particles inside a name: "José de la Cruz", "Ludwig van Beethoven", "Maria dos Santos".
    static readonly HashSet<string> s_nameParticles = ["de", "del", "della", "di", "da", "das", "do", "dos", "du", "la", "le", "van", "von", "der", "den", "ter", "bin", "al", "y"];

    // How people introduce themselves. The strong ones name a name for sure; after the weak ones ("this is", "soy")
    // a name must look like one (capitalised, when the text has capitals at all).
    static readonly string[] s_strongNameLeads =
    [
        "my name is", "my name's", "the name is", "name is", "name's", "you can call me", "call me", "me llamo", "mi nombre es",
        "je m'appelle", "je m’appelle", "mon nom est", "ich heiße", "ich heisse", "mein name ist", "mi chiamo", "il mio nome è",
        "il mio nome e", "meu nome é", "meu nome e", "me chamo", "chamo-me",
    ];

    static readonly string[] s_weakNameLeads =
    [
        "this is", "i am", "i'm", "i’m", "im", "it is", "it's", "it’s", "its", "speaking with", "you're speaking to", "you are speaking to",
        "you're speaking with", "habla", "le habla", "soy", "moi c'est", "c'est", "je suis", "ich bin", "hier ist", "hier spricht",
        "sono", "eu sou", "sou", "aqui é", "aqui e",
    ];

    /// <summary>A person's name from "my name is ...", "this is ...", "I'm ..." or, answering a name question, the answer itself.</summary>
    public static (string Value, string Raw, double Confidence)? FindName(string text, bool expectingName)
    {
        var lower = text.ToLowerInvariant();
        var capitals = HasCapitals(text);
        foreach (var (lead, strong) in s_strongNameLeads.Select(l => (l, true)).Concat(s_weakNameLeads.Select(l => (l, false))))
        {
            var at = FindWord(lower, lead);
            // "im" is "I'm" typed in a hurry, but also German for "in the" ("Wasser im Keller"): only at the start.
            if (at < 0 || (lead == "im" && !OnlyGreeting().IsMatch(lower[..at])))
            {
                continue;
            }

            // "it's below zero", "soy de aquí": after the leads that also start ordinary sentences, a name said out of
            // the blue must be written with a capital.
            var ambiguous = lead is "it is" or "it's" or "it’s" or "its" or "c'est" or "sono" or "sou" or "soy";
            var afterStart = at + lead.Length;
            var requireCapital = !strong && !expectingName && (capitals || ambiguous);
            var candidate = NameWords(text[afterStart..], requireCapital, capitals);
            if (candidate is not null)
            {
                return (candidate, text[at..Math.Min(text.Length, afterStart + candidate.Length + 1)].Trim(), strong ? 0.9 : 0.7);
            }
        }

        if (!expectingName)
        {
            return null;
        }

        // "first name John, last name Smith", "nombre Ana, apellido Ruiz"
        if (FirstAndLastName().Match(text) is { Success: true } parts && NameWords(parts.Groups["first"].Value + " " + parts.Groups["last"].Value, false, capitals) is { } full)
        {
            return (full, parts.Value, 0.85);
        }

        var stripped = text.Trim();
        for (var i = 0; i < 3; i++)
        {
            stripped = AnswerPreamble().Replace(stripped, "");
        }

        var wordCount = stripped.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        // A whole sentence, or one about the problem ("kitchen sink leaking"), is not a name.
        if (wordCount is 0 or > 5 || JobWords.IsProblemSentence(stripped)
            || JobWords.Words(stripped).Any(w => JobWords.IsJobWord(w) && !s_jobWordsThatAreNames.Contains(w)))
        {
            return null;
        }

        var answer = NameWords(stripped, requireCapital: false, capitals);
        return answer is null ? null : (answer, stripped.Trim(), 0.8);
    }

    static string? NameWords(string rest, bool requireCapital, bool keepCase)
    {
        var words = new List<string>();
        var raw = rest.Split([' ', ',', '.', '!', '?', ';', ':'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('\'', '"', '’', '(', ')')).ToList();
        bool IsNameWord(string word)
        {
            var lower = word.ToLowerInvariant();
            var folded = SpokenNumbers.Fold(word);
            var job = (JobWords.IsJobWord(folded) || JobWords.IsRoom(folded)) && !s_jobWordsThatAreNames.Contains(folded);
            // Long words in -ing are verbs in a text typed in lower case ("calling"); a capitalised one may be a
            // surname (Fleming, Sterling), and short ones are names (King, Ming).
            var verb = lower.Length > 4 && lower.EndsWith("ing", StringComparison.Ordinal) && !(keepCase && char.IsUpper(word[0]));
            // French elisions in lower case ("j'ai", "c'est", "l'eau") start a sentence, not a name (D'Angelo is capitalised).
            var elision = lower.Length > 2 && lower[1] is '\'' or '’' && "cdjlmnst".Contains(lower[0], StringComparison.Ordinal) && !char.IsUpper(word[0]);
            // English contractions ("I'd", "who's", "we're") are no names; O'Brien and D'Angelo are.
            var apostrophe = lower.Replace('’', '\'').IndexOf('\'', StringComparison.Ordinal);
            var contraction = apostrophe > 0 && lower[(apostrophe + 1)..] is "d" or "ll" or "ve" or "re" or "s" or "m" or "t";
            return word.Length >= 2 && word.All(c => char.IsLetter(c) || c is '-' or '\'' or '’') && char.IsLetter(word[0])
                && !s_notNames.Contains(lower) && !s_notNames.Contains(folded) && !job && !verb && !elision && !contraction && (!requireCapital || char.IsUpper(word[0]));
        }

        for (var i = 0; i < raw.Count && words.Count < 4; i++)
        {
            var word = raw[i];
            if (words.Count > 0 && s_nameParticles.Contains(word.ToLowerInvariant()))
            {
                // A particle belongs to the name only between two of its words.
                var next = i + 1;
                while (next < raw.Count && s_nameParticles.Contains(raw[next].ToLowerInvariant()))
                {
                    next++;
                }

                if (next < raw.Count && IsNameWord(raw[next]) && (!requireCapital || char.IsUpper(raw[next][0])))
                {
                    words.AddRange(raw.Skip(i).Take(next - i).Select(p => p.ToLowerInvariant()));
                    i = next - 1;
                    continue;
                }

                break;
            }

            if (!IsNameWord(word))
            {
                break;
            }

            // Typed as the person writes it (McDonald, DeShawn); all lower or all upper case is tidied (maria → Maria).
            var mixed = word.Any(char.IsUpper) && word.Any(char.IsLower);
            var written = keepCase && mixed ? word : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(word.ToLowerInvariant());
            // "John. John Smith." says the first name twice.
            if (words.Count == 0 || !words[^1].Equals(written, StringComparison.OrdinalIgnoreCase))
            {
                words.Add(written);
            }
        }

        while (words.Count > 0 && s_nameParticles.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        // A title alone ("Mr", "Señora") is not a name.
        return words.Count == 0 || (words.Count == 1 && NameTitle().IsMatch(words[0])) ? null : string.Join(' ', words);
    }

    static bool HasCapitals(string text) => text.Any(char.IsUpper) && text.Any(char.IsLower) && text != text.ToUpperInvariant();

    static int FindWord(string text, string phrase)
    {
        var at = 0;
        while ((at = text.IndexOf(phrase, at, StringComparison.Ordinal)) >= 0)
        {
            var startOk = at == 0 || !char.IsLetter(text[at - 1]);
            var end = at + phrase.Length;
            var endOk = end < text.Length && text[end] is ' ' or ',' or ':';
            if (startOk && endOk)
            {
                return at;
            }

            at = end;
        }

        return -1;
    }

    // ---------------------------------------------------------------- amount

    static IEnumerable<ExtractedEntity> Amounts(string text)
    {
        foreach (Match m in Money().Matches(text))
        {
            var number = m.Groups["n1"].Success ? m.Groups["n1"].Value : m.Groups["n2"].Value;
            if (!decimal.TryParse(number.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            {
                continue;
            }

            if (m.Groups["k"].Success && m.Groups["k"].Value.Length > 0)
            {
                amount *= 1000;
            }

            yield return new ExtractedEntity(EntityKind.Amount, amount.ToString("0.00", CultureInfo.InvariantCulture) + " USD", m.Value.Trim(), text, 0.9);
        }
    }

    // ---------------------------------------------------------------- location

    static IEnumerable<ExtractedEntity> Locations(string text, IReadOnlyList<ExtractedEntity> phones)
    {
        var street = FindStreet(text);
        if (street is not null)
        {
            yield return new ExtractedEntity(EntityKind.Location, street, street, text, 0.9);
        }

        foreach (Match zip in Zip().Matches(text))
        {
            var insidePhoneOrStreet = phones.Any(p => p.Raw.Contains(zip.Value, StringComparison.Ordinal)) || (street is not null && street.Contains(zip.Value, StringComparison.Ordinal));
            if (!insidePhoneOrStreet)
            {
                yield return new ExtractedEntity(EntityKind.Location, zip.Value, zip.Value, text, 0.7);
            }
        }

        if (street is null && InPlace().Match(text) is { Success: true } place && !s_monthNames.ContainsKey(SpokenNumbers.Fold(place.Groups[1].Value.Split(' ')[0]))
            && !s_weekdays.ContainsKey(SpokenNumbers.Fold(place.Groups[1].Value)))
        {
            yield return new ExtractedEntity(EntityKind.Location, place.Groups[1].Value, place.Value, text, 0.5);
        }
    }

    static string Tidy(string s) => Spaces().Replace(s.Trim().TrimEnd(',', '.'), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"[^\s,;:!?¿¡()""<>]+")]
    private static partial Regex EmailWordToken();

    [GeneratedRegex(@"\+?\d+|[\p{L}ß]+")]
    private static partial Regex PhoneTokens();

    [GeneratedRegex(@"^(it is|it's|it’s|its|my name is|my name's|this is|i am|i'm|im|yes|yeah|yep|sure|ok|okay|hi|hello|hey|the name is|name's|me llamo|soy|sí|si|claro|hola|bueno|oui|bonjour|ja|hallo|sì|ciao|sim|olá|ola|um|uh|er|so|well)[\s,.!]+", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerPreamble();

    [GeneratedRegex(@"\b(?:first name|nombre|prenom|vorname|nome)(?: is| es| est| ist| e)?:? (?<first>[\p{L}'-]+),? (?:and |y |et |und |e )?(?:my |mi |mon |mein |il mio |o meu )?(?:last name|surname|family name|apellidos?|nom|nachname|cognome|sobrenome)(?: is| es| est| ist| e)?:? (?<last>[\p{L}'-]+(?: [\p{L}'-]+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex FirstAndLastName();

    [GeneratedRegex(@"^\W*((hi|hello|hey|yes|yeah|ok|okay)\W*)?$")]
    private static partial Regex OnlyGreeting();

    [GeneratedRegex(@"^(mr|mrs|ms|miss|dr|sr|sra|srta|señor|señora|senor|senora|doña|monsieur|madame|mme|herr|frau|signor|signora|sig|senhor|senhora)$", RegexOptions.IgnoreCase)]
    private static partial Regex NameTitle();

    [GeneratedRegex(@"(\$\s?(?<n1>\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?(?<k>k)?\b|\b(?<n2>\d{1,3}(,\d{3})+|\d+(\.\d{1,2})?)(?<k>k)? ?(dollars|bucks|usd)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Money();

    [GeneratedRegex(@"(?<![\d-])\b\d{5}(-\d{4})?\b(?![\d-])")]
    private static partial Regex Zip();

    [GeneratedRegex(@"\b(?:in|near|around) ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")]
    private static partial Regex InPlace();
}
