using System.Text.RegularExpressions;
using LeadsAgent.Domain.Booking;

namespace LeadsAgent.Domain.Engine;

/// <summary>What the caller's answer to an offer of times means.</summary>
public enum BookingAnswerKind
{
    /// <summary>A start was chosen (an offered one, or a free one they named).</summary>
    Choose,
    /// <summary>They asked for other times ("anything after 3", "Thursday", "morning"): offer these.</summary>
    Narrow,
    /// <summary>They asked for times that are not free: offer the nearest instead.</summary>
    NoneLikeThat,
    /// <summary>They do not want to book now ("no thanks", "just call me").</summary>
    Decline,
    Unclear,
}

public sealed record BookingAnswer(BookingAnswerKind Kind, DateTimeOffset? Start = null, IReadOnlyList<Slot>? Slots = null);

/// <summary>
/// The words around booking a visit: offered times as they read aloud ("tomorrow at 9 a.m. or Thursday at 1 p.m."), in
/// the business's zone and the conversation's language, and what the caller's answer means ("the first one",
/// "Thursday", "anything after 3", "no thanks").
/// </summary>
public static partial class BookingTalk
{
    public const int Offered = 3;

    static readonly Dictionary<string, string[]> s_months = new()
    {
        ["en"] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        ["es"] = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        ["fr"] = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        ["de"] = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        ["it"] = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
        ["pt"] = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
    };

    /// <summary>
    /// Two or three slots worth offering: the nearest, then the nearest of the following days, so the caller gets a real
    /// choice rather than three half hours in a row; on a single day, times at least two hours apart.
    /// </summary>
    public static IReadOnlyList<Slot> Pick(IReadOnlyList<Slot> slots, TimeZoneInfo zone, int count = Offered)
    {
        var picked = new List<Slot>();
        foreach (var slot in slots)
        {
            if (picked.Count == count)
            {
                break;
            }

            if (!picked.Any(p => LocalDate(p.StartsAt, zone) == LocalDate(slot.StartsAt, zone)))
            {
                picked.Add(slot);
            }
        }

        foreach (var slot in slots)
        {
            if (picked.Count == count)
            {
                break;
            }

            if (!picked.Any(p => Math.Abs((p.StartsAt - slot.StartsAt).TotalHours) < 2))
            {
                picked.Add(slot);
            }
        }

        return [.. picked.OrderBy(p => p.StartsAt)];
    }

    /// <summary>"today at 3 p.m.", "tomorrow at 9 a.m.", "Thursday at 1 p.m." within the week, "Thursday 10 December at 1 p.m." beyond it.</summary>
    public static string When(DateTimeOffset start, DateTimeOffset now, TimeZoneInfo zone, string language)
    {
        var date = LocalDate(start, zone);
        var today = LocalDate(now, zone);
        return date <= today.AddDays(6) ? HoursAnswers.When(start, now, zone, language) : Full(start, zone, language);
    }

    /// <summary>"Thursday 3 December at 1 p.m.": the date in full, as a confirmation says it.</summary>
    public static string Full(DateTimeOffset start, TimeZoneInfo zone, string language)
    {
        var local = TimeZoneInfo.ConvertTime(start, zone);
        var lang = AgentPhrases.LanguageOf(language);
        var day = HoursAnswers.DayName(local.DayOfWeek, lang);
        var month = s_months[lang][local.Month - 1];
        var date = lang switch
        {
            "en" => $"{day} {local.Day} {month}",
            "de" => $"{day}, {local.Day}. {month}",
            "es" or "pt" => $"{day}, {local.Day} de {month}",
            _ => $"{day} {local.Day} {month}",
        };
        return AgentPhrases.Say(AgentPhrase.HoursDayAt, lang, ("day", date), ("time", HoursAnswers.Time(local.Hour * 60 + local.Minute, lang)));
    }

    /// <summary>"tomorrow at 9 a.m., Thursday at 1 p.m. or Friday at 8 a.m.".</summary>
    public static string Options(IReadOnlyList<DateTimeOffset> starts, DateTimeOffset now, TimeZoneInfo zone, string language)
    {
        var items = starts.Select(s => When(s, now, zone, language)).ToList();
        return items.Count <= 1 ? string.Concat(items)
            : string.Join(", ", items[..^1]) + " " + AgentPhrases.Say(AgentPhrase.SpokenOr, language) + " " + items[^1];
    }

    /// <summary>A sentence ending on "8 a.m." keeps one full stop: "at 8 a.m.." reads as a typo in a chat.</summary>
    public static string Tidy(string text) => DoubleStop().Replace(text, "");

    /// <summary>A service's name inside a sentence: "Repair visit" → "repair visit" (German keeps its capital nouns, "HVAC check" its acronym).</summary>
    public static string ServiceWords(string name, string language)
    {
        var trimmed = name.Trim();
        return AgentPhrases.LanguageOf(language) == "de" || trimmed.Length < 2 || !char.IsLower(trimmed[1])
            ? trimmed : char.ToLowerInvariant(trimmed[0]) + trimmed[1..];
    }

    /// <summary>
    /// What the caller's words say about the offered starts, given every free slot: a choice, other times to offer, a
    /// decline, or nothing clear. An offered start counts as chosen even if it has just been taken (booking it then says so).
    /// </summary>
    public static BookingAnswer Read(string text, IReadOnlyList<DateTimeOffset> offered, IReadOnlyList<Slot> free, TimeZoneInfo zone, DateTimeOffset now)
    {
        var folded = " " + Spaces().Replace(Punctuation().Replace(SpokenNumbers.Fold(text), " "), " ").Trim() + " ";
        var today = LocalDate(now, zone);
        int Minute(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone) is var l ? l.Hour * 60 + l.Minute : 0;

        // An ordinal picks among what was offered: "the first one", "la segunda", "le dernier".
        if (Ordinal(folded) is { } index && offered.Count > 0)
        {
            return new BookingAnswer(BookingAnswerKind.Choose, index < 0 ? offered[^1] : index < offered.Count ? offered[index] : offered[^1]);
        }

        var (after, before) = (Bound(After(), folded), Bound(Before(), folded));
        var time = after is null && before is null ? ExactTime(folded) : null;
        var day = Day(folded, today);
        // "más tarde" is "later", not "afternoon".
        var part = Later().IsMatch(folded) ? (int?)null : Morning().IsMatch(folded) ? 0 : Evening().IsMatch(folded) ? 2 : Afternoon().IsMatch(folded) ? 1 : (int?)null;

        bool Fits(DateTimeOffset start)
        {
            var minute = Minute(start);
            return (day is not { } d || LocalDate(start, zone) == d)
                && (time is not { } t || minute == t || minute == t + 12 * 60)
                && (after is not { } a || minute >= a)
                && (before is not { } b || minute < b)
                && (part switch { 0 => minute < 12 * 60, 1 => minute >= 12 * 60, 2 => minute >= 17 * 60, _ => true });
        }

        var asked = day is not null || time is not null || after is not null || before is not null || part is not null;
        if (asked)
        {
            // A day and an exact time name one start; one offered start on the named day (or at the named time) is chosen.
            var offeredFits = offered.Where(Fits).ToList();
            if (offeredFits.Count == 1 && (time is not null || day is not null) && after is null && before is null && part is null)
            {
                return new BookingAnswer(BookingAnswerKind.Choose, offeredFits[0]);
            }

            var matching = free.Where(s => Fits(s.StartsAt)).ToList();
            if (day is not null && time is not null && matching.Count > 0)
            {
                return new BookingAnswer(BookingAnswerKind.Choose, matching[0].StartsAt);
            }

            return matching.Count == 0
                ? new BookingAnswer(BookingAnswerKind.NoneLikeThat, Slots: Pick(free, zone))
                : new BookingAnswer(BookingAnswerKind.Narrow, Slots: Pick(matching, zone));
        }

        if (Later().IsMatch(folded) && offered.Count > 0)
        {
            var last = offered.Max();
            var later = free.Where(s => LocalDate(s.StartsAt, zone) > LocalDate(last, zone)).ToList();
            return later.Count == 0 ? new BookingAnswer(BookingAnswerKind.NoneLikeThat, Slots: Pick(free, zone))
                : new BookingAnswer(BookingAnswerKind.Narrow, Slots: Pick(later, zone));
        }

        if (Decline().IsMatch(folded) || IntentClassifier.IsNo(text))
        {
            return new BookingAnswer(BookingAnswerKind.Decline);
        }

        if (offered.Count == 1 && IntentClassifier.IsYes(text))
        {
            return new BookingAnswer(BookingAnswerKind.Choose, offered[0]);
        }

        return new BookingAnswer(BookingAnswerKind.Unclear);
    }

    /// <summary>0, 1, 2 for first, second, third; -1 for the last; null when none is said.</summary>
    static int? Ordinal(string folded) =>
        Last().IsMatch(folded) ? -1 : Third().IsMatch(folded) ? 2 : Second().IsMatch(folded) ? 1 : First().IsMatch(folded) ? 0 : null;

    /// <summary>The day named: today, tomorrow, or the next such weekday (today's included).</summary>
    static DateOnly? Day(string folded, DateOnly today)
    {
        if (Today().IsMatch(folded))
        {
            return today;
        }

        if (Tomorrow().IsMatch(folded) && !Morning().IsMatch(folded))
        {
            return today.AddDays(1);
        }

        foreach (var word in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Spanish "la segunda" is an ordinal (read above); Portuguese Monday is "segunda-feira" here.
            if (word != "segunda" && EntityExtractor.Weekday(word) is { } weekday)
            {
                return today.AddDays(((int)weekday - (int)today.DayOfWeek + 7) % 7);
            }
        }

        return null;
    }

    /// <summary>A time said on its own ("9", "1 pm", "13:30", "15 h", "noon"), in minutes; an hour without a.m./p.m. also matches 12 hours later.</summary>
    static int? ExactTime(string folded) => Noon().IsMatch(folded) ? 12 * 60 : Time(Clock().Match(folded));

    static int? Bound(Regex regex, string folded)
    {
        var m = regex.Match(folded);
        if (!m.Success)
        {
            return null;
        }

        if (Noon().IsMatch(m.Groups["t"].Value))
        {
            return 12 * 60;
        }

        // "after 3" means 3 p.m. to anyone booking a plumber: an hour before 7 without a.m. is read as afternoon.
        return Time(Clock().Match(m.Groups["t"].Value)) is { } minute ? minute < 7 * 60 && !m.Groups["t"].Value.Contains("am", StringComparison.Ordinal) ? minute + 12 * 60 : minute : null;
    }

    static int? Time(Match m)
    {
        if (!m.Success || !int.TryParse(m.Groups["h"].Value, out var h) || h > 23)
        {
            return null;
        }

        var minutes = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (minutes > 59)
        {
            return null;
        }

        var meridiem = m.Groups["ap"].Value;
        if (meridiem.StartsWith('p') && h < 12)
        {
            h += 12;
        }
        else if (meridiem.StartsWith('a') && h == 12)
        {
            h = 0;
        }

        return h * 60 + minutes;
    }

    static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    [GeneratedRegex(@"(?<=\b[ap]\.m\.)\.")]
    private static partial Regex DoubleStop();

    [GeneratedRegex(@"[^\p{L}\p{N}:\- ]")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@" (first|1st|number one|option one|primer|primero|primera|premier|premiere|erste|ersten|erster|erstes|primo|prima|primeiro|primeira) ")]
    private static partial Regex First();

    [GeneratedRegex(@" (second|2nd|number two|option two|segundo|segunda|deuxieme|seconde|zweite|zweiten|zweiter|secondo|seconda) ")]
    private static partial Regex Second();

    [GeneratedRegex(@" (third|3rd|number three|option three|tercer|tercero|tercera|troisieme|dritte|dritten|dritter|terzo|terza|terceiro|terceira) ")]
    private static partial Regex Third();

    [GeneratedRegex(@" (last|last one|ultimo|ultima|dernier|derniere|letzte|letzten|letzter) ")]
    private static partial Regex Last();

    [GeneratedRegex(@" (today|hoy|aujourd hui|aujourdhui|heute|oggi|hoje) ")]
    private static partial Regex Today();

    [GeneratedRegex(@" (tomorrow|manana|demain|morgen|domani|amanha) ")]
    private static partial Regex Tomorrow();

    [GeneratedRegex(@" (morning|mornings|in the morning|por la manana|de manana|matin|le matin|am morgen|morgens|vormittag|vormittags|mattina|mattino|de manha|pela manha) ")]
    private static partial Regex Morning();

    [GeneratedRegex(@" (afternoon|afternoons|tarde|apres midi|apres-midi|nachmittag|nachmittags|pomeriggio) ")]
    private static partial Regex Afternoon();

    [GeneratedRegex(@" (evening|evenings|soir|abend|abends|sera|noite|noche) ")]
    private static partial Regex Evening();

    [GeneratedRegex(@" (noon|midday|mediodia|midi|mittag|mezzogiorno|meio dia|meio-dia) ")]
    private static partial Regex Noon();

    [GeneratedRegex(@"(?<![\d:])(?<h>\d{1,2})(?:(?::|h| h |\.)(?<m>\d{2}))?(?: ?(?<ap>am|pm|a m|p m)\b| ?(?:uhr|h|horas|heures|ore)\b)?(?![\d:])")]
    private static partial Regex Clock();

    [GeneratedRegex(@" (?:after|from|later than|any time after|anytime after|despues de las|despues de la|a partir de las|a partir de la|apres|a partir de|ab|nach|dopo le|dopo l|dopo|depois das|depois da|depois de|a partir das) (?<t>(?:noon|midi|mediodia|mittag|mezzogiorno|meio dia)|\d{1,2}(?:(?::|h)\d{2})?(?: ?(?:am|pm|uhr|h))?)")]
    private static partial Regex After();

    [GeneratedRegex(@" (?:before|earlier than|antes de las|antes de la|avant|vor|prima delle|prima dell|prima di|antes das|antes da|antes de) (?<t>(?:noon|midi|mediodia|mittag|mezzogiorno|meio dia)|\d{1,2}(?:(?::|h)\d{2})?(?: ?(?:am|pm|uhr|h))?)")]
    private static partial Regex Before();

    [GeneratedRegex(@" (later|another time|other times|other time|something else|different time|next week|none of those|none of them|neither|mas tarde|otra hora|otro dia|plus tard|autre|spater|andere|piu tardi|altro|mais tarde|outro|outra) ")]
    private static partial Regex Later();

    [GeneratedRegex(@" (no thanks|no thank you|just call|call me|call back|not now|rather not|dont book|do not book|don t book|no gracias|llamenme|llameme|non merci|rappelez|nein danke|rufen sie mich|no grazie|richiamatemi|mi chiami|nao obrigad\w*|me liguem|me ligue) ")]
    private static partial Regex Decline();
}
