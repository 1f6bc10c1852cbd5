using System.Text.RegularExpressions;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Domain.Engine;

/// <summary>
/// Whether an answer fits the question's expected format, the value to keep, and a hint when it does not. An answer
/// that may be a place in the caller's own words comes back with <see cref="PlaceToConfirm"/>: the agent asks before
/// keeping it.
/// </summary>
public sealed record AnswerCheck(bool Valid, string? Value, string Hint, string? PlaceToConfirm = null);

/// <summary>Checks an answer against its question's format and words the re-ask when it does not fit.</summary>
public static partial class AnswerValidator
{
    /// <summary>What the agent says, in English, when the answer to the address question is the job itself ("replace old water heater").</summary>
    public static string JobInsteadOfAddressHint => AgentPhrases.Say(AgentPhrase.HintJobNotAddress, AgentPhrases.DefaultLanguage);

    /// <summary>What the agent says, in English, when the answer to the name question is no name ("yes", "tomorrow", the problem).</summary>
    public static string NotANameHint => AgentPhrases.Say(AgentPhrase.HintName, AgentPhrases.DefaultLanguage);

    /// <summary>What the agent says, in English, when the answer to the time question is the problem, or something that already happened.</summary>
    public static string NotATimeHint => AgentPhrases.Say(AgentPhrase.HintNotATime, AgentPhrases.DefaultLanguage);

    /// <summary>The agent asks before keeping a place said in the caller's own words ("the old mill by the river").</summary>
    public static string ConfirmPlace(string place, Channel channel, string language = AgentPhrases.DefaultLanguage) =>
        AgentPhrases.Say(channel == Channel.VOICE ? AgentPhrase.ConfirmPlaceVoice : AgentPhrase.ConfirmPlaceChat, language, ("place", place));

    static readonly string[] s_noPreference =
    [
        "anytime", "any time", "whenever", "no preference", "flexible", "as soon as possible", "any day", "any day is fine", "doesn't matter",
        "does not matter", "don't mind", "whatever works", "whatever suits", "up to you", "cuando sea", "cuando quieran", "cuando puedan",
        "a cualquier hora", "cualquier dia", "cualquier día", "cualquier momento", "me da igual", "da igual", "no importa",
        "n'importe quand", "quand vous voulez", "peu importe", "egal", "jederzeit", "wann immer", "quando volete", "quando vuole",
        "in qualsiasi momento", "a qualquer hora", "quando quiser", "tanto faz",
    ];

    public static AnswerCheck Check(LeadCaptureQuestion question, string answer, ExtractionContext context, Channel channel,
        string language = AgentPhrases.DefaultLanguage)
    {
        var text = answer.Trim();
        var refused = new AnswerCheck(false, null, Hint(question, channel, language));
        switch (question.ExpectedFormat)
        {
            case ExpectedFormat.EMAIL:
                return EntityExtractor.FirstEmail(text) is { } email ? new AnswerCheck(true, email, "") : refused;
            case ExpectedFormat.PHONE:
                return EntityExtractor.FirstPhone(text, context) is { } phone ? new AnswerCheck(true, phone, "") : refused;
            case ExpectedFormat.DATE:
                return CheckTime(text, context, refused, language);
            case ExpectedFormat.ADDRESS:
                var address = EntityExtractor.ReadAddress(text, context);
                return address.Kind switch
                {
                    AddressKind.Street or AddressKind.Postcode => new AnswerCheck(true, address.Value, ""),
                    AddressKind.Place => new AnswerCheck(false, address.Value, ConfirmPlace(address.Value!, channel, language), address.Value),
                    AddressKind.Job => refused with { Hint = AgentPhrases.Say(AgentPhrase.HintJobNotAddress, language) },
                    _ => refused,
                };
            default:
                if (question.MapsToLeadField == LeadFields.ContactName)
                {
                    return EntityExtractor.FindName(text, expectingName: true) is { } name ? new AnswerCheck(true, name.Value, "") : refused;
                }

                return text.Any(char.IsLetterOrDigit) && text.Length >= 2 ? new AnswerCheck(true, Tidy(text), "") : refused;
        }
    }

    /// <summary>
    /// A preferred time: a date or time ("next Tuesday after 3", "mañana por la tarde"), "asap", or no preference
    /// ("whenever"). Refused: "yes", and the problem told again with when it started ("it broke on Monday").
    /// </summary>
    static AnswerCheck CheckTime(string text, ExtractionContext context, AnswerCheck refused, string language)
    {
        var folded = SpokenNumbers.Fold(text);
        var when = EntityExtractor.FindDateTime(text, context);
        var asking = SchedulingCue().IsMatch(folded);
        // "my sink is leaking this morning" tells the problem; "tomorrow morning for the water heater" a time.
        var tellsTheProblem = JobWords.IsProblemSentence(text) && !asking;
        var past = IsPastEvent(text);
        if (when is not null && !tellsTheProblem && !past)
        {
            // "weekday mornings", "Monday or Tuesday", "between 2 and 4": a wish, not one moment; kept in their words.
            return new AnswerCheck(true, Vague().IsMatch(folded) ? Tidy(text) : when.Value, "");
        }

        if (s_noPreference.Any(p => folded.Contains(SpokenNumbers.Fold(p), StringComparison.Ordinal)))
        {
            return new AnswerCheck(true, "any time", "");
        }

        if (DayPhrase().IsMatch(folded) && !tellsTheProblem && !past)
        {
            return new AnswerCheck(true, Tidy(text), "");
        }

        return past || (JobWords.DescribesTheJob(text) && !asking) ? refused with { Hint = AgentPhrases.Say(AgentPhrase.HintNotATime, language) } : refused;
    }

    /// <summary>A time said for the past ("it broke on Monday", "hace dos días"), not a time asked for.</summary>
    public static bool IsPastEvent(string text)
    {
        var folded = SpokenNumbers.Fold(text);
        return PastCue().IsMatch(folded) && !SchedulingCue().IsMatch(folded);
    }

    /// <summary>What the agent says when an answer does not fit the question's format, before asking again, in the conversation's language.</summary>
    public static string Hint(LeadCaptureQuestion question, Channel channel, string language = AgentPhrases.DefaultLanguage) => AgentPhrases.Say(question.ExpectedFormat switch
    {
        ExpectedFormat.EMAIL => channel == Channel.VOICE ? AgentPhrase.HintEmailVoice : AgentPhrase.HintEmailChat,
        ExpectedFormat.PHONE => AgentPhrase.HintPhone,
        ExpectedFormat.DATE => AgentPhrase.HintDate,
        ExpectedFormat.ADDRESS => AgentPhrase.HintAddress,
        _ when question.MapsToLeadField == LeadFields.ContactName => AgentPhrase.HintName,
        _ => AgentPhrase.HintMore,
    }, language);

    /// <summary>
    /// "Yes" to a confirmation, in the six languages ("sí, ahí es", "oui", "genau", "esatto", "isso mesmo"). The
    /// engine's own yes covers English; this one is for the place read back, where a Spanish caller says "sí, correcto".
    /// </summary>
    public static bool IsConfirmation(string text) => IntentClassifier.IsYes(text) || MultilingualYes().IsMatch(SpokenNumbers.Fold(text.Trim()));

    static string Tidy(string text) => text.Length > 500 ? text[..500] : text;

    // A time said for the past or a habit ("it broke yesterday", "since Monday", "hace dos días", "every morning"):
    // when the trouble shows, not when to come.
    [GeneratedRegex(@"\b(yesterday|ago|since|last|started|broke|began|happened|was|were|stopped|every|each|cada|todas las|todos los|chaque|jeden|ogni|todo dia|todos os|ayer|anoche|hace|desde|empezo|paso|se rompio|dejo de|hier|depuis|gestern|seit|ieri|da quando|ontem|desde|faz)\b")]
    private static partial Regex PastCue();

    // Asking for a visit at a time ("can you come tomorrow", "tomorrow works"): a time even when the problem is said too.
    [GeneratedRegex(@"\b(come|coming|available|works?|good|fine|prefer|best|can you|could you|can u|would|how about|what about|ok|okay|sure|free|suits?|puede|pueden|podrian|venir|vengan|vienen|me viene bien|prefiero|mejor|esta bien|pouvez|venir|passer|konnen|kommen|passt|potete|venire|va bene|podem|vir|pode ser)\b")]
    private static partial Regex SchedulingCue();

    // Words that make a time a range or a habit rather than one moment.
    [GeneratedRegex(@"\b(mornings|afternoons|evenings|nights|weekdays?|weekends|any|every|between|or|sometime|some time|o (?:el|la|los|las|en|por|a|al|hoy|manana|pasado|\d)|entre|cualquier|las mananas|las tardes|ou|oder|tra le|qualsiasi)\b")]
    private static partial Regex Vague();

    // A time said without a date: "end of the week", "after 5", "early next week", "not before noon", "fin de semana".
    [GeneratedRegex(@"\b(weekdays?|weekends?|mornings?|afternoons?|evenings?|week|month|after work|lunch|early|later|sooner|soon|(after|before|till|until|by|between|from) \d{1,2}|semana|mes|fin de semana|tardes|mananas|noches|despues de las|antes de las|semaine|woche|settimana|mese|semana)\b")]
    private static partial Regex DayPhrase();

    [GeneratedRegex(@"^(that'?s (it|right|correct|the one|the place)|uh[- ]?huh|mm[- ]?hmm|mhm|you got it|yes sir|si|claro|correcto|exacto|eso es|asi es|ahi es|efectivamente|por supuesto|oui|exactement|c'est ca|tout a fait|ja|genau|richtig|stimmt|korrekt|esatto|certo|giusto|corretto|sim|isso|exato|certo|correto)\b")]
    private static partial Regex MultilingualYes();
}
