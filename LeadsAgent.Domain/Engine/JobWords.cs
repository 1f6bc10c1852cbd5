using System.Text.RegularExpressions;

namespace LeadsAgent.Domain.Engine;

/// <summary>
/// Words that describe the work or the problem rather than a place, a person or a time: what makes "replace old 40
/// gallon gas water heater" a job and not an address, "kitchen sink leaking" a problem and not a name. The six trades
/// the agent serves (plumbing, HVAC, electrical, locksmith, legal, real estate) in English and Spanish, with the
/// commonest words in French, German, Italian and Portuguese. Hand-written because what matters is a closed trade
/// vocabulary, and a word list can be read and extended by anyone who hears a new one on a call.
/// </summary>
public static partial class JobWords
{
    // Matched against folded text (lower case, no accents), whole words; a trailing "s" is tried as a plural.
    static readonly HashSet<string> s_words =
    [
        // English: the work
        "replace", "replacing", "replaced", "replacement", "install", "installing", "installed", "installation", "fix", "fixing",
        "fixed", "repair", "repairing", "repaired", "unclog", "unclogging", "rewire", "rewiring", "upgrade", "upgrading", "service",
        "servicing", "maintenance", "tune", "quote", "estimate", "inspection", "inspect", "remodel", "remodeling", "renovation",
        "rooter", "leak", "leaking", "leaky", "leaked", "clog", "clogged", "blocked", "broken", "broke", "burst", "busted",
        "dripping", "drip", "drips", "flooded", "flooding", "overflowing", "backing", "backed", "tripping", "tripped", "sparking",
        "buzzing", "rattling", "noisy", "stuck", "jammed", "cracked", "frozen", "working",
        // English: the things
        "heater", "heaters", "boiler", "furnace", "hvac", "ac", "a/c", "aircon", "conditioner", "conditioning", "thermostat", "sink",
        "faucet", "faucets", "toilet", "toilets", "shower", "tub", "bathtub", "drain", "drains", "pipe", "pipes", "plumbing", "sewer",
        "septic", "disposal", "dishwasher", "washer", "dryer", "gallon", "gallons", "tank", "tankless", "valve", "outlet", "outlets",
        "breaker", "breakers", "panel", "wiring", "wires", "socket", "sockets", "switch", "switches", "fixture", "fixtures", "bulb",
        "generator", "ductwork", "duct", "ducts", "vent", "vents", "compressor", "radiator", "electrical",
        "appliance", "fridge", "refrigerator", "oven", "stove", "roof", "gutter", "gutters", "lock", "locks", "deadbolt", "lockout",
        "locked",
        // English: legal and real estate
        "divorce", "custody", "lawsuit", "dui", "dwi", "arrested", "arrest", "warrant", "eviction", "evicted",
        "mortgage", "listing", "appraisal", "lawyer", "attorney", "case", "contract",
        // Spanish
        "cambiar", "cambio", "reemplazar", "instalar", "instalacion", "arreglar", "arreglo", "reparar", "reparacion", "destapar",
        "fuga", "fugas", "gotea", "goteando", "gotera", "tapado", "tapada", "atascado", "atascada", "roto", "rota", "rotos", "rotas",
        "descompuesto", "descompuesta", "funciona", "sirve", "calentador", "boiler", "caldera", "lavabo", "fregadero", "tarja",
        "inodoro", "excusado", "wc", "regadera", "ducha", "tina", "banera", "desague", "drenaje", "tuberia", "tuberias", "tubo", "tubos",
        "grifo", "lavadora", "secadora", "lavavajillas", "minisplit", "termostato", "enchufe", "apagador", "interruptor", "cableado",
        "cotizacion", "presupuesto", "galones", "tanque", "cerradura", "llaves", "abogado", "divorcio", "demanda", "hipoteca",
        // French
        "remplacer", "installer", "reparer", "fuite", "bouche", "casse", "chauffe", "chaudiere", "evier", "robinet", "toilettes",
        "tuyau", "tuyaux", "devis", "serrure",
        // German
        "ersetzen", "austauschen", "installieren", "reparieren", "undicht", "tropft", "verstopft", "kaputt", "heizung", "therme",
        "waschbecken", "spule", "toilette", "rohr", "rohrbruch", "angebot", "kostenvoranschlag", "schloss",
        // Italian
        "sostituire", "installare", "riparare", "perdita", "perde", "intasato", "rotto", "scaldabagno", "caldaia", "lavandino",
        "rubinetto", "preventivo", "serratura",
        // Portuguese
        "trocar", "substituir", "consertar", "vazamento", "vazando", "entupido", "quebrado", "aquecedor", "pia", "torneira",
        "cano", "canos", "orcamento", "fechadura",
    ];

    // Rooms and parts of a house: where in the house, never where the house is.
    static readonly HashSet<string> s_rooms =
    [
        "kitchen", "bathroom", "basement", "attic", "garage", "bedroom", "laundry", "crawlspace", "upstairs", "downstairs",
        "backyard", "yard", "ceiling", "floor", "closet", "cocina", "bano", "sotano", "cuarto", "recamara", "techo", "pared",
        "piso", "cuisine", "salle", "grenier", "kuche", "badezimmer", "keller", "cucina", "bagno", "cantina", "cozinha", "banheiro",
    ];

    /// <summary>True when a word (folded: lower case, no accents) names the work, the trouble or the equipment.</summary>
    public static bool IsJobWord(string folded) =>
        s_words.Contains(folded) || (folded.Length > 3 && folded.EndsWith('s') && s_words.Contains(folded[..^1]));

    /// <summary>True when a word names a room or part of a house.</summary>
    public static bool IsRoom(string folded) => s_rooms.Contains(folded);

    /// <summary>The folded words of a text.</summary>
    public static IReadOnlyList<string> Words(string text) => [.. Word().Matches(SpokenNumbers.Fold(text)).Select(m => m.Value)];

    /// <summary>How many words of the text name the work, the trouble or the equipment.</summary>
    public static int Count(string text) => Words(text).Count(IsJobWord);

    /// <summary>
    /// Reads as someone telling what is wrong or what they want done: a job word, or a problem said as a sentence
    /// ("it won't turn on", "no funciona", "I need someone to come out").
    /// </summary>
    public static bool DescribesTheJob(string text) => Count(text) > 0 || IsProblemSentence(text);

    /// <summary>A problem or a request said as a sentence: "it won't turn on", "I need someone", "no funciona".</summary>
    public static bool IsProblemSentence(string text) => ProblemSentence().IsMatch(SpokenNumbers.Fold(text));

    [GeneratedRegex(@"[\p{L}/]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(i|we) (need|want|would like|have|got|think)\b|\b(is|are|keeps|kept|stopped|started) (not |no longer )?\w+ing\b|\b(won'?t|wont|doesn'?t|doesnt|isn'?t|isnt|can'?t|cant|not) (work|working|turn|start|stop|drain|flush|heat|cool)\b|\bno (funciona|sirve|prende|enciende|calienta|enfria|hay agua)\b|\b(necesito|quiero|tengo un|tengo una|se (rompio|descompuso|tapo|inundo|salio))\b|\bne (marche|fonctionne) (pas|plus)\b|\bfunktioniert nicht\b|\bnon funziona\b|\bnao (funciona|liga)\b")]
    private static partial Regex ProblemSentence();
}
