using System.Text.RegularExpressions;

namespace LeadsAgent.Domain.Engine;

/// <summary>What an answer to "what's the address?" turned out to be.</summary>
public enum AddressKind
{
    /// <summary>A house number and a street ("42 Oak Street", "Calle Mayor 12", "Hauptstraße 5", "12 rue de la Paix").</summary>
    Street,

    /// <summary>A ZIP or postcode that places the job ("62704", "SW1A 2AA", "K1A 0B1", "10115 Berlin").</summary>
    Postcode,

    /// <summary>A place in the caller's own words ("the old mill by the river"): kept once the caller confirms it.</summary>
    Place,

    /// <summary>The job or the problem instead of the place ("replace old 40 gallon gas water heater").</summary>
    Job,

    /// <summary>No place at all: yes, no, "not sure", a time, a number, a room.</summary>
    NotAPlace,
}

/// <summary>How an answer reads as an address, and the address to keep (without "it's", "thanks" or the problem).</summary>
public sealed record AddressReading(AddressKind Kind, string? Value)
{
    /// <summary>Good to keep without asking: a street with its number, or a postcode.</summary>
    public bool IsAddress => Kind is AddressKind.Street or AddressKind.Postcode;
}

public static partial class EntityExtractor
{
    static readonly ExtractionContext s_anyWhere = new(DateTimeOffset.UnixEpoch, "UTC");

    // Words that never sit between a house number and the street type of an English address: "2 leaks on the main
    // road" is a job, "42 Old Mill Road" is an address.
    static readonly HashSet<string> s_notStreetNameWords =
    [
        "my", "a", "an", "is", "are", "was", "were", "in", "on", "at", "to", "for", "with", "and", "it", "its", "i", "you", "we",
        "need", "needs", "have", "has", "get", "got", "from", "by", "that", "this", "these", "those", "some", "any", "our", "your",
        "their", "his", "her", "be", "been", "will", "can", "could", "would", "should", "please", "about", "like", "just", "also",
        "there", "here", "or", "but", "so", "if", "when", "than", "then", "years", "year", "days", "hours", "minutes", "times",
    ];

    // Answers that say nothing about a place: fillers, courtesies, hesitation, in the six languages.
    static readonly HashSet<string> s_fillerWords =
    [
        "yes", "yeah", "yep", "yup", "no", "nope", "ok", "okay", "sure", "hello", "hi", "hey", "thanks", "thank", "you", "please",
        "sorry", "what", "huh", "um", "uh", "hmm", "er", "well", "so", "again", "repeat", "the", "a", "an", "it", "is", "its", "it's",
        "si", "claro", "vale", "hola", "bueno", "gracias", "perdon", "mande", "que", "como", "oui", "non", "merci", "pardon", "quoi",
        "ja", "nein", "danke", "bitte", "wie", "ciao", "grazie", "scusi", "cosa", "sim", "nao", "obrigado", "obrigada", "ola", "oh",
        "ah", "oops", "wait", "actually", "hmm", "disculpa", "espera", "pues", "vale", "perdona", "desculpa", "and", "y", "et", "und",
        "hurry", "quick", "quickly", "asap", "fast", "rapido", "pronto", "urgente", "vite", "schnell", "presto", "depressa", "now",
        "emergency", "urgent", "emergencia", "urgence", "notfall", "emergenza", "emergencia", "help", "ayuda", "please", "an",
    ];

    // A place is named, not told: "water is everywhere" or "you already have it" says something else.
    static readonly HashSet<string> s_verbs =
    [
        "is", "are", "was", "were", "has", "have", "had", "need", "needs", "want", "wants", "get", "got", "won't", "wont", "can't",
        "cant", "don't", "dont", "doesn't", "isn't", "will", "would", "can", "could", "should", "i'm", "im", "es", "tengo", "tiene",
        "necesito", "quiero", "hay", "est", "sont", "ai", "ist", "sind", "habe", "sono", "ho", "tem", "tenho", "estou",
    ];

    /// <summary>
    /// Reads an answer to the address question: a street with a number or a postcode is an address; the job or the
    /// problem is refused; anything else that could name a place is kept only once the caller confirms it.
    /// </summary>
    public static AddressReading ReadAddress(string text, ExtractionContext context)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || !trimmed.Any(char.IsLetterOrDigit))
        {
            return new AddressReading(AddressKind.NotAPlace, null);
        }

        // "forty two oak street", "calle mayor número doce": a spoken house number as the digits it is.
        var numeric = SpokenNumbers.WithNumerals(trimmed);
        if (FindStreet(numeric) is not null)
        {
            return new AddressReading(AddressKind.Street, TidyAddress(numeric));
        }

        if (FirstEmail(trimmed) is not null || FirstPhone(numeric, context) is not null)
        {
            return new AddressReading(AddressKind.NotAPlace, null);
        }

        // What is left once a trailing "thanks" or a clause about the problem is dropped must be about the place:
        // "Springfield 62704, the sink's leaking" is a postcode, "the Rheem model 40112 water heater" is a job.
        var place = TidyAddress(numeric);
        if (JobWords.DescribesTheJob(place))
        {
            return new AddressReading(AddressKind.Job, null);
        }

        if (FindPostcode(place, context))
        {
            return new AddressReading(AddressKind.Postcode, place);
        }

        if (!place.Any(char.IsLetter))
        {
            return new AddressReading(AddressKind.NotAPlace, null);
        }

        var words = JobWords.Words(place);
        var content = words.Where(w => w.Length >= 2 && !s_fillerWords.Contains(w)).ToList();
        if (content.Count == 0 || words.Count > 20 || content.All(JobWords.IsRoom) || trimmed.Contains('?', StringComparison.Ordinal)
            || ContractionOrWord(place).Any(s_verbs.Contains)
            || Hesitation().IsMatch(SpokenNumbers.Fold(trimmed)) || FindDateTime(trimmed, context) is not null)
        {
            return new AddressReading(AddressKind.NotAPlace, null);
        }

        return new AddressReading(AddressKind.Place, place);
    }

    /// <summary>The lower-case words of a text with their apostrophes ("i'm", "won't"), which <see cref="JobWords.Words"/> splits.</summary>
    static IEnumerable<string> ContractionOrWord(string text) =>
        text.ToLowerInvariant().Replace('’', '\'').Split([' ', ',', '.', '!', ';', ':'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when the text reads as an address without asking: a street with its number, or a postcode.</summary>
    public static bool LooksLikeAddress(string text, ExtractionContext? context = null) => ReadAddress(text, context ?? s_anyWhere).IsAddress;

    /// <summary>The street address in free text, with its unit, town, state and ZIP when they follow; null when there is none.</summary>
    static string? FindStreet(string text)
    {
        foreach (var pattern in s_streetPatterns)
        {
            foreach (Match m in pattern.Matches(text))
            {
                if (m.Groups["name"].Success && !StreetNameIsPlausible(m.Groups["name"].Value, englishOrder: pattern == s_streetPatterns[0]))
                {
                    continue;
                }

                var tail = StreetTail().Match(text, m.Index + m.Length);
                return Tidy(text.Substring(m.Index, m.Length + (tail.Success ? tail.Length : 0)));
            }
        }

        return null;
    }

    static bool StreetNameIsPlausible(string name, bool englishOrder)
    {
        var words = JobWords.Words(name);
        if (words.Count == 0)
        {
            // Streets named by a number after their type: "Calle 26 # 13-19", "Carrera 7 # 32-16".
            return !englishOrder && name.Any(char.IsAsciiDigit);
        }

        return !words.Any(w => JobWords.IsJobWord(w) || JobWords.IsRoom(w) || (englishOrder && s_notStreetNameWords.Contains(w)));
    }

    // The street patterns, English order first (its name words are checked most strictly).
    static readonly Regex[] s_streetPatterns = [EnglishStreet(), FusedStreet(), NumberedRoad(), TypeFirstStreet(), NumberTypeStreet(), GermanStreet()];

    /// <summary>True when the text holds a postcode that places a job; in North America a ZIP alone does.</summary>
    static bool FindPostcode(string text, ExtractionContext context)
    {
        var code = context.DefaultCallingCode;
        if (UkPostcode().IsMatch(text) || CanadianPostcode().IsMatch(text) || DashedPostcode().IsMatch(text) || AustralianPostcode().IsMatch(text)
            || (code == "31" && DutchPostcode().IsMatch(text)))
        {
            return true;
        }

        if (code == "1" && UsZip().IsMatch(text))
        {
            return true;
        }

        // A bare five-digit number could be anything; with a town beside it ("10115 Berlin", "Madrid 28014") it is a place.
        foreach (Match m in PostcodeWithTown().Matches(text))
        {
            var town = SpokenNumbers.Fold(m.Groups["town"].Value);
            if (!JobWords.IsJobWord(town) && !s_fillerWords.Contains(town) && !s_notStreetNameWords.Contains(town)
                && (m.Groups["zip"].Length == 5 || code is "43" or "41" or "32" or "61" or "45" or "47" or "64" or "351"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The address to keep from an answer: without a leading "yes, it's" or "mi dirección es", and without a trailing
    /// "thanks" or a clause about the problem ("42 Oak Street, the sink is leaking" keeps "42 Oak Street").
    /// </summary>
    public static string TidyAddress(string answer)
    {
        var text = Tidy(answer);
        for (var i = 0; i < 3; i++)
        {
            text = AddressPreamble().Replace(text, "").Trim();
        }

        var clauses = ClauseSplit().Split(text).ToList();
        static bool Polite(string clause) => clause.Trim().Length == 0 || Courtesy().IsMatch(SpokenNumbers.Fold(clause.Trim()))
            || JobWords.Words(clause).All(s_fillerWords.Contains);
        // Only the end may go for being about the problem: what is left must still read as a place on its own.
        while (clauses.Count > 1 && (Polite(clauses[^1]) || (JobWords.DescribesTheJob(clauses[^1]) && FindStreet(clauses[^1]) is null)))
        {
            clauses.RemoveAt(clauses.Count - 1);
        }

        while (clauses.Count > 1 && Polite(clauses[0]))
        {
            clauses.RemoveAt(0);
        }

        var kept = string.Concat(clauses).Trim().TrimStart(',', '.', ';', '!', ' ').TrimEnd(',', '.', ';', '!', ' ', '-');
        for (var i = 0; i < 3; i++)
        {
            kept = AddressPreamble().Replace(kept, "").Trim();
        }

        kept = kept.Length == 0 ? text : kept;
        return kept.Length > 500 ? kept[..500] : kept;
    }

    // English order: "42 Oak Street", "1200 N Main St", "350 5th Ave", "17 Old Mill Road".
    [GeneratedRegex(@"(?<![\w-])\d{1,6}[a-z]?(?:[-/]\d{1,4}[a-z]?)?\s+(?<name>(?:[\p{L}0-9.'’-]{1,30}\s+){1,4}?)(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|circle|cir|parkway|pkwy|trail|trl|square|sq|crescent|cres|close|grove|gardens|row|mews|alley|loop|pike|plaza|commons|cove|ridge|heights|hts)\b\.?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishStreet();

    // Name and type run together, as typed in a hurry or transcribed: "42 Oakstreet".
    [GeneratedRegex(@"(?<![\w-])\d{1,6}[a-z]?\s+(?<name>(?:[\p{L}.'’-]{1,30}\s+){0,3}[\p{L}]{2,40}(?=street|avenue|road|drive|lane|boulevard))(?:street|avenue|road|drive|lane|boulevard)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FusedStreet();

    // Numbered roads and Broadway: "4450 Highway 62", "12 County Road 9", "4521 Broadway".
    [GeneratedRegex(@"(?<![\w-])\d{1,6}\s+(?:(?:[nsew]\.?|north|south|east|west)\s+)?(?:(?:route|rte|highway|hwy|county road|county rd|state route|state road|farm road|fm|us|sr|cr|rr)\s*-?\s*\d{1,4}\b|broadway\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberedRoad();

    // Type first, number after (Spanish, Italian, Portuguese): "Calle Mayor 12", "Av. Paulista, 1000",
    // "Via Roma 10", "Rua Augusta, nº 100", "Calle 26 # 13-19", "Calle del Sol s/n".
    [GeneratedRegex(@"\b(?:calle|c/|avenida|avda|av|paseo|camino|carrera|cra|diagonal|transversal|plaza|pza|ronda|rambla|carrer|via|viale|corso|piazza|piazzale|largo|vicolo|strada|rua|travessa|praça|praca|alameda|estrada|rodovia)\.?\s+(?<name>(?:[\p{L}0-9.'’-]{1,30}\s+){0,5}?[\p{L}0-9.'’-]{1,30}?)\s*,?\s*(?:(?:n[º°o.]?|nr\.?|num\.?|número|numero|#)\s*)?(?:\d{1,5}[a-z]?(?:-\d{1,4})?\b|s/n\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypeFirstStreet();

    // Number first, type first (French, and the same order elsewhere): "12 rue de la Paix", "5 avenue Foch".
    [GeneratedRegex(@"(?<![\w-])\d{1,5}[a-z]?(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av|boulevard|bd|chemin|allée|allee|impasse|quai|cours|calle|avenida|via|rua|piazza|corso)\.?\s+(?<name>(?:(?:de|du|des|la|le|les|del|della|di|da|do|dos|das)\s+|[dl]['’])*[\p{L}'’-]{2,40})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberTypeStreet();

    // German and Dutch: the type is the end of the street's name, the number after: "Hauptstraße 5",
    // "Bahnhofstr. 12", "Berliner Allee 20", "Lindenweg 3", "Keizersgracht 123", "Unter den Linden 77".
    [GeneratedRegex(@"(?<![\w.'-])(?:(?-i:\p{Lu})[\p{L}.'-]{1,30}[\s-])?[\p{L}-]{2,40}(?:straße|strasse|str\.|str|weg|allee|platz|gasse|damm|ufer|chaussee|straat|laan|gracht|plein|kade)\s+\d{1,4}[a-z]?\b|\b(?-i:Am|An der|Auf der|Im|In der|Zum|Zur|Unter den)\s+(?-i:\p{Lu})[\p{L}-]{2,}\s+\d{1,4}[a-z]?\b|(?<![\w.'-])\p{L}[\p{L}.'-]{0,30}\s+(?:straße|strasse|str\.|allee|platz|weg|gasse|damm)\s+\d{1,4}[a-z]?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GermanStreet();

    [GeneratedRegex(@"\G(,?\s*(apt|apartment|unit|suite|ste|flat|floor|fl|piso|puerta|pta|depto|dpto|departamento|interior|int|escalera|esc|bloco|apto|andar|étage|etage|stock|whg|scala|interno|#|n[º°o])\.?\s*[\p{L}\d-]+)?(,?\s*\d{4,5}(-\d{3,4})?(?=\s|,|$))?(,?\s+(?-i:\p{Lu})[\p{L}'’-]+(\s(?-i:\p{Lu})[\p{L}'’-]+){0,2})?(,?\s+(?-i:[A-Z]{2}))?(,?\s+\d{4,5}(-\d{3,4})?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StreetTail();

    [GeneratedRegex(@"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s*\d[ABD-HJLNP-UW-Z]{2}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UkPostcode();

    [GeneratedRegex(@"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CanadianPostcode();

    // Brazil's CEP (01310-100) and Portugal's código postal (1100-148).
    [GeneratedRegex(@"(?<![\d-])\b\d{4,5}-\d{3}\b(?![\d-])")]
    private static partial Regex DashedPostcode();

    [GeneratedRegex(@"(?<![\d-])\b\d{4}\s?[A-Z]{2}\b")]
    private static partial Regex DutchPostcode();

    [GeneratedRegex(@"\b(?:NSW|VIC|QLD|TAS|ACT)\s+\d{4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex AustralianPostcode();

    // A ZIP, but not an amount, a volume or a year-long number ("$12000", "12000 BTU").
    [GeneratedRegex(@"(?<![\d$,.-])\b\d{5}(?:-\d{4})?\b(?![\d,.]|\s*(?:dollars|bucks|usd|gallons?|btu|\$|%))", RegexOptions.IgnoreCase)]
    private static partial Regex UsZip();

    [GeneratedRegex(@"(?<![\d,.-])\b(?<zip>\d{4,5})\b,?\s+(?<town>\p{L}{3,})|\b(?<town>\p{L}{3,}),?\s+(?<zip>\d{4,5})\b(?![\d,.-])")]
    private static partial Regex PostcodeWithTown();

    [GeneratedRegex(@"^(?:(?:yes|yeah|yep|sure|ok|okay|um|uh|so|well|oh|sorry|actually|no|wait|si|sí|claro|perdón|perdon|oui|ja|sim|sì)\b[\s,.!]*|(?:the zip is|the zip code is|zip code is|zip is|my zip is|the postcode is|postcode is|el código postal es|el codigo postal es|it'?s|it is|that'?s|that is|the address is|the address'?s|my address is|address is|address'?s|i'?m at|i am at|we'?re at|we are at|i live at|we live at|located at|it'?s at|es en|está en|esta en|estoy en|estamos en|vivo en|mi dirección es|mi direccion es|la dirección es|la direccion es|es|c'est au|c'est|j'habite au|j'habite|mon adresse est|l'adresse est|ich wohne in der|ich wohne in|ich wohne|meine adresse ist|die adresse ist|abito in|il mio indirizzo è|l'indirizzo è|moro na|moro no|moro em|o endereço é|meu endereço é|o endereco e|meu endereco e)\b[\s,:]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AddressPreamble();

    [GeneratedRegex(@"(?=[,;.!](?:\s|$))|(?=\s+(?:and|but|y|pero|et|mais|und|aber|e|ma|mas)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseSplit();

    [GeneratedRegex(@"^[,;.!\s]*(?:and |y |et |und |e )?(?:thanks?(?: you)?|thank you very much|please|cheers|gracias|muchas gracias|por favor|merci|s'il vous plait|danke|bitte|grazie|per favore|obrigad[oa]|por favor|ok|okay|that'?s it|that'?s all|eso es todo)[\s!.]*$")]
    private static partial Regex Courtesy();

    [GeneratedRegex(@"\b(i )?(do not|don'?t|dont) know\b|\bnot sure\b|\bno idea\b|\bno (lo )?se\b|\bno estoy seguro\b|\bje ne sais pas\b|\bweiss (ich )?nicht\b|\bweiß (ich )?nicht\b|\bnon (lo )?so\b|\bnao sei\b|\b(hold on|one sec(ond)?|wait|just a (sec|second|minute|moment)|espera|un momento|momento|attendez|moment mal|aspetta|espere)\b|\bwhy\b|\bpor ?que\b|\bpourquoi\b|\bwarum\b|\bperche\b")]
    private static partial Regex Hesitation();
}
