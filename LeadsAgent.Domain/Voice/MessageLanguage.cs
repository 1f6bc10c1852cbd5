using System.Globalization;
using System.Text;

namespace LeadsAgent.Domain.Voice;

/// <summary>
/// Guesses which of the catalogue's languages a short voice message is written in, to warn an owner who picked
/// es-MX while the greeting is still English (Twilio then reads English words with Spanish sounds).
/// Hand-written on purpose: the messages are a sentence or two in one of six languages, and counting each
/// language's most common short words tells them apart reliably; a general detector (Lingua and the like) brings
/// tens of megabytes of models for seventy languages, and the Domain project takes no packages.
/// </summary>
public static class MessageLanguage
{
    // Frequent words of each language and of receptionist messages; words two languages share in writing ("por",
    // "como", "con", "la") are dropped below, so every hit points to one language only.
    static readonly Dictionary<string, HashSet<string>> s_profiles = Distinct(new()
    {
        ["en"] = ["the", "and", "you", "your", "for", "is", "are", "we", "our", "to", "of", "thank", "thanks", "calling", "call",
            "hello", "hi", "how", "can", "help", "today", "will", "with", "this", "that", "please", "have", "someone", "right", "now",
            "back", "shortly", "goodbye", "all", "details", "understand", "an", "it", "my", "be"],
        ["es"] = ["el", "los", "las", "usted", "gracias", "por", "llamar", "llamada", "hola", "cómo", "como", "puedo", "ayudar", "ayudarle",
            "hoy", "es", "una", "con", "su", "sus", "nuestro", "nuestra", "para", "alguien", "llamará", "pronto", "adiós", "tengo", "todos",
            "datos", "entiendo", "emergencia", "ahora", "mismo", "equipo", "y", "le", "lo", "del", "muy", "estamos", "buenos", "días"],
        ["fr"] = ["le", "les", "vous", "votre", "vos", "merci", "pour", "appel", "votre", "bonjour", "comment", "puis", "aider", "aujourd'hui",
            "est", "une", "avec", "nous", "notre", "quelqu'un", "rappellera", "bientôt", "au", "revoir", "j'ai", "tous", "coordonnées",
            "je", "comprends", "urgence", "maintenant", "équipe", "et", "des", "du", "ce", "c'est", "il", "s'il", "plaît", "pas", "qui"],
        ["de"] = ["der", "die", "das", "und", "sie", "ihr", "ihre", "ihnen", "danke", "für", "ihren", "anruf", "hallo", "guten", "tag",
            "wie", "kann", "ich", "helfen", "heute", "ist", "mit", "wir", "unser", "jemand", "ruft", "bald", "zurück", "auf", "wiederhören",
            "habe", "alle", "daten", "verstehe", "notfall", "jetzt", "team", "ein", "eine", "nicht", "es", "bitte", "vielen", "dank"],
        ["it"] = ["il", "gli", "lei", "grazie", "chiamato", "chiamata", "ciao", "buongiorno", "come", "posso", "aiutarla", "aiutarti", "oggi",
            "è", "una", "con", "noi", "nostro", "nostra", "qualcuno", "richiamerà", "presto", "arrivederci", "ho", "tutti", "suoi", "dati",
            "capisco", "emergenza", "adesso", "ora", "squadra", "di", "che", "per", "della", "del", "sono", "molto", "la", "le"],
        ["pt"] = ["o", "os", "as", "você", "obrigado", "obrigada", "por", "ligar", "ligação", "olá", "como", "posso", "ajudar", "hoje",
            "é", "uma", "com", "nós", "nosso", "nossa", "alguém", "retornará", "breve", "adeus", "tchau", "tenho", "todos", "seus",
            "dados", "entendo", "emergência", "agora", "equipe", "e", "do", "da", "não", "em", "um", "muito", "bom", "dia"],
    });

    static Dictionary<string, HashSet<string>> Distinct(Dictionary<string, string[]> words)
    {
        var shared = words.Values.SelectMany(w => w.Distinct()).GroupBy(w => w).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return words.ToDictionary(p => p.Key, p => p.Value.Where(w => !shared.Contains(w)).ToHashSet());
    }

    /// <summary>The language ("en", "es", "fr", "de", "it", "pt") the text is most likely in; null when it can't tell.</summary>
    public static string? Guess(string? text)
    {
        var words = Words(text);
        if (words.Count < 3)
        {
            return null;
        }

        var scores = s_profiles.ToDictionary(p => p.Key, p => words.Count(w => p.Value.Contains(w)));
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
