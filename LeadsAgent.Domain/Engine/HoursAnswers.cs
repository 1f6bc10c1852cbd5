using System.Text.RegularExpressions;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Text;

namespace LeadsAgent.Domain.Engine;

/// <summary>
/// Opening hours in words, in the conversation's language and the business's time zone: the answer to "are you open
/// now?", "what are your hours?" and "are you open Saturday?", and the widget's open/closed line. Times are written to
/// be read aloud well: "8 a.m.", "5:30 p.m." in English, "17 h 30" in French, "17:30 Uhr" in German.
/// </summary>
public static partial class HoursAnswers
{
    static readonly Dictionary<string, string[]> s_days = new()
    {
        ["en"] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        ["es"] = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
        ["fr"] = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
        ["de"] = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
        ["it"] = ["domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"],
        ["pt"] = ["domingo", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado"],
    };

    public static string DayName(DayOfWeek day, string language) => s_days[AgentPhrases.LanguageOf(language)][(int)day];

    /// <summary>A time of day as it reads aloud: "8 a.m.", "5:30 p.m.", "noon", "midnight" (en); "17:30", "17 h 30", "17:30 Uhr", "17h30".</summary>
    public static string Time(int minute, string language)
    {
        minute = ((minute % OpeningRange.EndOfDay) + OpeningRange.EndOfDay) % OpeningRange.EndOfDay;
        var (h, m) = (minute / 60, minute % 60);
        switch (AgentPhrases.LanguageOf(language))
        {
            case "en":
                if (m == 0 && h is 0 or 12)
                {
                    return h == 0 ? "midnight" : "noon";
                }

                var h12 = h % 12 == 0 ? 12 : h % 12;
                return (m == 0 ? $"{h12}" : $"{h12}:{m:00}") + (h < 12 ? " a.m." : " p.m.");
            case "fr":
                return m == 0 ? $"{h} h" : $"{h} h {m:00}";
            case "de":
                return $"{h}:{m:00} Uhr";
            case "pt":
                return m == 0 ? $"{h}h" : $"{h}h{m:00}";
            default:
                return $"{h}:{m:00}";
        }
    }

    /// <summary>The opening ranges of a day joined: "8 a.m. to noon and 1 p.m. to 5 p.m.".</summary>
    public static string Ranges(IReadOnlyList<OpeningRange> ranges, string language) =>
        Join(ranges.Select(r => AgentPhrases.Say(AgentPhrase.HoursRange, language, ("t1", Time(r.From, language)), ("t2", Time(r.To, language)))).ToList(), language);

    /// <summary>The week in one sentence's worth: "Monday to Friday, 8 a.m. to 5 p.m.; Saturday, 9 a.m. to 1 p.m.; Sunday, closed".</summary>
    public static string Week(BusinessHours hours, string language)
    {
        var days = BusinessHours.DaysMondayFirst;
        var groups = new List<(DayOfWeek First, DayOfWeek Last, IReadOnlyList<OpeningRange> Ranges)>();
        foreach (var day in days)
        {
            var ranges = hours.WeeklyRanges(day);
            if (groups.Count > 0 && groups[^1].Ranges.SequenceEqual(ranges))
            {
                groups[^1] = (groups[^1].First, day, ranges);
            }
            else
            {
                groups.Add((day, day, ranges));
            }
        }

        return string.Join("; ", groups.Select(g =>
        {
            var span = g.First == g.Last ? DayName(g.First, language)
                : AgentPhrases.Say(AgentPhrase.HoursDaySpan, language, ("first", DayName(g.First, language)), ("last", DayName(g.Last, language)));
            var what = g.Ranges.Count == 0 ? AgentPhrases.Say(AgentPhrase.HoursClosedWord, language) : Ranges(g.Ranges, language);
            return span + ", " + what;
        }));
    }

    /// <summary>"today at 1 p.m.", "tomorrow at 8 a.m.", "Monday at 8 a.m.": when an instant falls, said from <paramref name="now"/>.</summary>
    public static string When(DateTimeOffset at, DateTimeOffset now, TimeZoneInfo zone, string language)
    {
        var (local, today) = (TimeZoneInfo.ConvertTime(at, zone), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime));
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = Time(local.Hour * 60 + local.Minute, language);
        return date == today ? AgentPhrases.Say(AgentPhrase.HoursTodayAt, language, ("time", time))
            : date == today.AddDays(1) ? AgentPhrases.Say(AgentPhrase.HoursTomorrowAt, language, ("time", time))
            : AgentPhrases.Say(AgentPhrase.HoursDayAt, language, ("day", DayName(date.DayOfWeek, language)), ("time", time));
    }

    /// <summary>"Yes, we're open now, until 5 p.m." or "We're closed right now. We open again Monday at 8 a.m.".</summary>
    public static string Now(BusinessHours hours, string timeZone, DateTimeOffset now, string language)
    {
        var zone = BusinessHours.Zone(timeZone);
        var status = hours.StatusAt(now, zone);
        if (status.Open)
        {
            return status.Until is { } until
                ? AgentPhrases.Say(AgentPhrase.HoursOpenNow, language, ("time", Clock(until, zone, language)))
                : AgentPhrases.Say(AgentPhrase.HoursOpenAroundTheClock, language);
        }

        return status.NextOpening is { } next
            ? AgentPhrases.Say(AgentPhrase.HoursClosedNow, language, ("when", When(next, now, zone, language)))
            : AgentPhrases.Say(AgentPhrase.HoursClosedNowNoNext, language);
    }

    /// <summary>The widget's line: "Open now · until 5 p.m." or "Closed now · we'll call you back from 8 a.m. Monday".</summary>
    public static string WidgetLine(BusinessHours hours, string timeZone, DateTimeOffset now, string language)
    {
        var zone = BusinessHours.Zone(timeZone);
        var status = hours.StatusAt(now, zone);
        if (status.Open)
        {
            return status.Until is { } until
                ? AgentPhrases.Say(AgentPhrase.WidgetOpenUntil, language, ("time", Clock(until, zone, language)))
                : AgentPhrases.Say(AgentPhrase.WidgetOpenNow, language);
        }

        if (status.NextOpening is not { } next)
        {
            return AgentPhrases.Say(AgentPhrase.WidgetClosedNow, language);
        }

        var local = TimeZoneInfo.ConvertTime(next, zone);
        var (date, today) = (DateOnly.FromDateTime(local.DateTime), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime));
        var day = date == today ? AgentPhrases.Say(AgentPhrase.WordToday, language)
            : date == today.AddDays(1) ? AgentPhrases.Say(AgentPhrase.WordTomorrow, language)
            : DayName(date.DayOfWeek, language);
        var when = AgentPhrases.Say(AgentPhrase.WidgetWhen, language, ("time", Clock(next, zone, language)), ("day", day));
        return AgentPhrases.Say(AgentPhrase.WidgetClosedCallBack, language, ("when", when));
    }

    /// <summary>
    /// The answer to a question about the hours, or null when the words are not one (then the knowledge base answers).
    /// A named day ("Saturday", "tomorrow") gets that day's hours; "hours"/"what time" the week and where we stand now;
    /// anything else ("are you open?", "are you still open") where we stand now.
    /// </summary>
    public static string? Answer(BusinessHours hours, string timeZone, DateTimeOffset now, string text, string language)
    {
        if (!hours.IsSet)
        {
            return null;
        }

        var normalized = TextNormalizer.Normalize(text);
        var zone = BusinessHours.Zone(timeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        DateOnly? asked = NamedDay(normalized) is { } day ? today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7)
            : Tomorrow().IsMatch(normalized) ? today.AddDays(1) : null;
        if (asked is { } date && date != today)
        {
            var ranges = hours.RangesOn(date);
            var name = DayName(date.DayOfWeek, language);
            return ranges.Count == 0 ? AgentPhrases.Say(AgentPhrase.HoursDayClosed, language, ("day", name))
                : AgentPhrases.Say(AgentPhrase.HoursDayOpen, language, ("day", name), ("ranges", Ranges(ranges, language)));
        }

        var status = Now(hours, timeZone, now, language);
        return Schedule().IsMatch(normalized) && asked is null
            ? AgentPhrases.Say(AgentPhrase.HoursWeek, language, ("schedule", Week(hours, language))) + " " + status
            : status;
    }

    /// <summary>The local time of an instant in words: "5 p.m.".</summary>
    public static string Clock(DateTimeOffset at, TimeZoneInfo zone, string language)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return Time(local.Hour * 60 + local.Minute, language);
    }

    static string Join(List<string> items, string language) => items.Count <= 1 ? string.Concat(items)
        : string.Join(", ", items[..^1]) + " " + AgentPhrases.Say(AgentPhrase.SpokenAnd, language) + " " + items[^1];

    static DayOfWeek? NamedDay(string normalized)
    {
        var m = Days().Match(normalized);
        if (!m.Success)
        {
            return null;
        }

        for (var g = 1; g <= 7; g++)
        {
            if (m.Groups[g].Success)
            {
                return (DayOfWeek)(g % 7);
            }
        }

        return null;
    }

    // One group per day, Monday (1) to Sunday (7, read as 0), in the six languages, accents already removed.
    [GeneratedRegex(@"\b(?:(mondays?|lunes|lundi|montags?|lunedi|segunda)|(tuesdays?|martes|mardi|dienstags?|martedi|terca)|(wednesdays?|miercoles|mercredi|mittwochs?|mercoledi|quarta)|(thursdays?|jueves|jeudi|donnerstags?|giovedi|quinta)|(fridays?|viernes|vendredi|freitags?|venerdi|sexta)|(saturdays?|sabados?|samedi|samstags?|sonnabend|sabato)|(sundays?|domingos?|dimanche|sonntags?|domenica))\b")]
    private static partial Regex Days();

    [GeneratedRegex(@"\b(tomorrow|manana|demain|morgen|domani|amanha)\b")]
    private static partial Regex Tomorrow();

    [GeneratedRegex(@"\b(hours|what time|when do you|opening times|horario|horarios|horaires?|heures d'ouverture|a quelle heure|offnungszeiten|wann|orari|orario|a che ora|que horas)\b")]
    private static partial Regex Schedule();
}
