using System.Globalization;
using System.Text;

namespace LeadsAgent.Domain.Voice;

/// <summary>
/// Guesses which of the catalogue's languages a short message is written in: an owner's voice message (to warn an
/// owner who picked es-MX while the greeting is still English, which Twilio reads with Spanish sounds) and a chat
/// visitor's message (so the agent answers in the visitor's language, <see cref="OfSentence"/>).
/// Hand-written on purpose: the messages are a sentence or two in one of six languages, and counting each
/// language's most common short words tells them apart reliably; a general detector (Lingua and the like) brings
/// tens of megabytes of models for seventy languages, and the Domain project takes no packages.
/// </summary>
public static class MessageLanguage
{
    // Frequent words of each language, of receptionist messages and of what visitors write to a trade business (needs,
    // rooms, appliances, times). Words two languages share in writing ("por", "con", "la", "do", "come") are put in
    // both lists on purpose: Distinct drops them below, so every hit points to one language only. Accents are kept,
    // and the common unaccented spellings visitors type are listed too ("nao", "voce", "mas").
    static readonly Dictionary<string, HashSet<string>> s_profiles = Distinct(new()
    {
        ["en"] = ["the", "and", "you", "your", "for", "is", "are", "we", "our", "to", "of", "thank", "thanks", "calling", "call",
            "hello", "hi", "how", "can", "help", "today", "will", "with", "this", "that", "please", "have", "someone", "right", "now",
            "back", "shortly", "goodbye", "all", "details", "understand", "an", "it", "my", "be",
            "do", "come", "as", "was", "what", "when", "where", "there", "need", "needs", "get", "fix", "fixed", "install", "want",
            "would", "could", "like", "just", "not", "don't", "doesn't", "isn't", "it's", "i'm", "i'd", "i've", "does", "did", "has",
            "been", "out", "about", "from", "at", "on", "some", "any", "much", "many", "time", "tomorrow", "morning", "afternoon",
            "tonight", "week", "house", "home", "water", "heater", "broken", "stopped", "working", "leak", "leaking", "looking",
            "quote", "price", "cost", "guys", "us", "they", "keeps", "won't", "can't", "still", "after", "before", "since", "open",
            "which", "who", "there's", "our", "know", "send", "sink", "toilet", "kitchen", "bathroom", "heat", "cold", "hot", "no", "i", "new", "offer"],
        ["es"] = ["el", "los", "las", "usted", "gracias", "por", "llamar", "llamada", "hola", "cómo", "como", "puedo", "ayudar", "ayudarle",
            "hoy", "es", "una", "con", "su", "sus", "nuestro", "nuestra", "para", "alguien", "llamará", "pronto", "adiós", "tengo", "todos",
            "datos", "entiendo", "emergencia", "ahora", "mismo", "equipo", "y", "le", "lo", "del", "muy", "estamos", "buenos", "días",
            "la", "les", "o", "no", "mas", "mi", "mis", "hay", "necesito", "necesita", "quiero", "quisiera", "gustaría", "gustaria",
            "tiene", "tienen", "puede", "pueden", "podría", "podrian", "cuánto", "cuanto", "cuesta", "cobran", "precio", "cotización",
            "cotizacion", "está", "esta", "están", "estan", "funciona", "agua", "caliente", "cocina", "baño", "bano", "fuga",
            "venir", "mañana", "manana", "semana", "ayer", "tarde", "tardes", "noches", "buenas", "favor", "cita", "ayuda", "qué",
            "cuándo", "cuando", "dónde", "donde", "también", "pero", "sin", "desde", "hace", "porque", "algo", "nada", "cambiar",
            "arreglar", "reparar", "instalar", "plomero", "fontanero", "electricista", "abogado", "sale", "tapado", "tapó",
            "gotea", "ya", "muchas", "sí", "señor", "señora", "domingos", "sábado", "sabado", "al", "nos", "dos", "ha", "aire"],
        ["fr"] = ["le", "les", "vous", "votre", "vos", "merci", "pour", "appel", "votre", "bonjour", "comment", "puis", "aider", "aujourd'hui",
            "est", "une", "avec", "nous", "notre", "quelqu'un", "rappellera", "bientôt", "au", "revoir", "j'ai", "tous", "coordonnées",
            "je", "comprends", "urgence", "maintenant", "équipe", "et", "des", "du", "ce", "c'est", "il", "s'il", "plaît", "pas", "qui",
            "la", "no", "mon", "ma", "besoin", "pouvez", "pourriez", "pourrait", "voudrais", "aimerais", "avez", "êtes", "suis",
            "sont", "dans", "sur", "sous", "chez", "depuis", "plus", "très", "aussi", "mais", "ne", "n'est", "d'un", "d'une", "l'eau",
            "eau", "chaude", "cuisine", "salle", "bain", "fuite", "devis", "prix", "combien", "coûte", "coute", "venir", "passer",
            "demain", "semaine", "matin", "soir", "marche", "fonctionne", "chauffe", "plombier", "électricien", "avocat",
            "y", "quel", "quelle", "quand", "où", "ouverts", "ouvert", "samedi", "dimanche", "toilettes", "robinet", "évier",
            "qu'il", "qu'on", "ça", "ca", "salut", "oui", "non", "on", "ne"],
        ["de"] = ["der", "die", "das", "und", "sie", "ihr", "ihre", "ihnen", "danke", "für", "ihren", "anruf", "hallo", "guten", "tag",
            "wie", "kann", "ich", "helfen", "heute", "ist", "mit", "wir", "unser", "jemand", "ruft", "bald", "zurück", "auf", "wiederhören",
            "habe", "alle", "daten", "verstehe", "notfall", "jetzt", "team", "ein", "eine", "nicht", "es", "bitte", "vielen", "dank",
            "was", "will", "an", "den", "dem", "einen", "einem", "einer", "mein", "meine", "meinen", "meiner", "unsere", "unserer",
            "bei", "seit", "kein", "keine", "kaputt", "wasser", "warmes", "küche", "kueche", "badezimmer", "termin", "angebot", "kostet",
            "kosten", "können", "koennen", "könnten", "brauche", "brauchen", "möchte", "moechte", "hätte", "gern", "gerne", "morgen",
            "woche", "gestern", "geht", "funktioniert", "wann", "wo", "warum", "haben", "hat", "sind", "noch", "schon", "auch", "aber",
            "oder", "vorbeikommen", "kommen", "heizung", "tropft", "undicht", "verstopft", "elektriker", "klempner", "anwalt", "geöffnet",
            "offen", "uns", "zu", "im", "vom", "zum", "zur", "ja", "nein", "tschüss"],
        ["it"] = ["il", "gli", "lei", "grazie", "chiamato", "chiamata", "ciao", "buongiorno", "come", "posso", "aiutarla", "aiutarti", "oggi",
            "è", "una", "con", "noi", "nostro", "nostra", "qualcuno", "richiamerà", "presto", "arrivederci", "ho", "tutti", "suoi", "dati",
            "capisco", "emergenza", "adesso", "ora", "squadra", "di", "che", "per", "della", "del", "sono", "molto", "la", "le",
            "e", "da", "i", "no", "mi", "non", "ci", "c'è", "l'acqua", "acqua", "calda", "cucina", "bagno", "perdita", "preventivo",
            "appuntamento", "funziona", "rotto", "rotta", "venire", "siete", "avrei", "vorrei", "bisogno", "serve", "potete", "può",
            "potrebbe", "quanto", "costa", "costo", "domani", "settimana", "ieri", "pomeriggio", "mattina", "idraulico",
            "elettricista", "avvocato", "lavandino", "lavello", "rubinetto", "intasato", "scaldabagno", "caldaia", "condizionatore",
            "nel", "nella", "alla", "al", "dei", "delle", "anche", "più", "perché", "quando", "dove", "salve", "sì", "aperti",
            "sabato", "domenica", "fa", "mio", "mia", "questo", "questa", "ma", "lo", "su", "ne"],
        ["pt"] = ["o", "os", "as", "você", "obrigado", "obrigada", "por", "ligar", "ligação", "olá", "como", "posso", "ajudar", "hoje",
            "é", "uma", "com", "nós", "nosso", "nossa", "alguém", "retornará", "breve", "adeus", "tchau", "tenho", "todos", "seus",
            "dados", "entendo", "emergência", "agora", "equipe", "e", "do", "da", "não", "em", "um", "muito", "bom", "dia",
            "para", "mas", "nao", "voce", "vocês", "voces", "meu", "minha", "meus", "minhas", "tem", "está", "esta", "estão", "estou",
            "preciso", "precisa", "gostaria", "quero", "quanto", "custa", "cobram", "orçamento", "orcamento", "água", "agua", "quente",
            "cozinha", "banheiro", "vazamento", "pia", "torneira", "entupida", "entupido", "aquecedor", "chuveiro", "conserto", "consertar",
            "trocar", "instalar", "funcionar", "funciona", "parou", "vir", "podem", "pode", "amanhã", "amanha", "semana", "ontem", "tarde",
            "oi", "no", "na", "nos", "nas", "dos", "das", "ao", "pelo", "pela", "também", "tambem", "já", "quando", "onde", "isso",
            "encanador", "eletricista", "advogado", "atendem", "sábado", "sabado", "sim", "ar", "condicionado", "teto", "fazem", "trabalham", "mais", "desde", "porque", "algo", "nada"],
    });

    // Greetings, thanks and yes/no: a message of these alone ("ok thank you", "oui merci") is courtesy, not a sentence that
    // shows which language the person prefers, so they do not count towards switching a conversation's language.
    static readonly HashSet<string> s_courtesy =
    [
        "ok", "okay", "thanks", "thank", "hi", "hello", "hey", "bye", "goodbye", "yes", "no", "please", "gracias", "hola", "sí", "adiós",
        "merci", "bonjour", "salut", "oui", "danke", "hallo", "ja", "nein", "tschüss", "bitte", "grazie", "ciao", "salve", "buongiorno",
        "arrivederci", "obrigado", "obrigada", "olá", "oi", "tchau", "sim", "muchas", "vielen", "dank", "favor", "much", "so",
    ];

    static Dictionary<string, HashSet<string>> Distinct(Dictionary<string, string[]> words)
    {
        var shared = words.Values.SelectMany(w => w.Distinct()).GroupBy(w => w).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return words.ToDictionary(p => p.Key, p => p.Value.Where(w => !shared.Contains(w)).ToHashSet());
    }

    /// <summary>The language ("en", "es", "fr", "de", "it", "pt") the text is most likely in; null when it can't tell.</summary>
    public static string? Guess(string? text) => Rank(Words(text), countCourtesy: true);

    /// <summary>
    /// The language a chat visitor's message is written in, only when it is a real sentence that says so: at least three
    /// words, two of them telling words of one language beyond greetings and thanks, and clearly ahead of any other. A
    /// name ("Marie Dubois"), a number, an address, an email or "ok, merci" says nothing (null), so the conversation
    /// keeps its language.
    /// </summary>
    public static string? OfSentence(string? text) => Rank(Words(text), countCourtesy: false);

    static string? Rank(List<string> words, bool countCourtesy)
    {
        if (words.Count < 3)
        {
            return null;
        }

        var counted = countCourtesy ? words : [.. words.Where(w => !s_courtesy.Contains(w))];
        var scores = s_profiles.ToDictionary(p => p.Key, p => counted.Count(w => p.Value.Contains(w)));
        var ranked = scores.OrderByDescending(s => s.Value).ToList();
        var (best, score) = (ranked[0].Key, ranked[0].Value);
        // Two words at least, and clearly ahead of the runner-up: a tie or a single hit says nothing.
        return score >= 2 && score > ranked[1].Value * 1.5 ? best : null;
    }

    /// <summary>The catalogue language's base ("es-MX" → "es").</summary>
    public static string Base(string language) => language.Split('-')[0].ToLowerInvariant();

    /// <summary>The language a message seems written in when that is not <paramref name="chosen"/>; null when it matches or can't tell.</summary>
    public static string? Mismatch(string? text, string chosen) => Guess(text) is { } guessed && guessed != Base(chosen) ? guessed : null;

    /// <summary>"es" → "Spanish", in English for the owner.</summary>
    public static string Name(string language) => Base(language) switch
    {
        "en" => "English",
        "es" => "Spanish",
        "fr" => "French",
        "de" => "German",
        "it" => "Italian",
        "pt" => "Portuguese",
        var other => other,
    };

    static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture).Replace('’', '\''))
        {
            if (char.IsLetter(c) || c == '\'')
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString().Trim('\''));
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString().Trim('\''));
        }

        return words;
    }
}
