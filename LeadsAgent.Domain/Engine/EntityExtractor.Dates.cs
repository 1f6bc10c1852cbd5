using System.Globalization;
using System.Text.RegularExpressions;

namespace LeadsAgent.Domain.Engine;

public static partial class EntityExtractor
{
    // Weekday names of the six languages, folded (no accents), to .NET's DayOfWeek. Portuguese "quarta" and "quinta"
    // are also "fourth" and "fifth", so they count only with "-feira".
    static readonly Dictionary<string, DayOfWeek> s_weekdays = new(StringComparer.Ordinal)
    {
        ["sunday"] = DayOfWeek.Sunday, ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["domingo"] = DayOfWeek.Sunday, ["lunes"] = DayOfWeek.Monday, ["martes"] = DayOfWeek.Tuesday, ["miercoles"] = DayOfWeek.Wednesday,
        ["jueves"] = DayOfWeek.Thursday, ["viernes"] = DayOfWeek.Friday, ["sabado"] = DayOfWeek.Saturday,
        ["dimanche"] = DayOfWeek.Sunday, ["lundi"] = DayOfWeek.Monday, ["mardi"] = DayOfWeek.Tuesday, ["mercredi"] = DayOfWeek.Wednesday,
        ["jeudi"] = DayOfWeek.Thursday, ["vendredi"] = DayOfWeek.Friday, ["samedi"] = DayOfWeek.Saturday,
        ["sonntag"] = DayOfWeek.Sunday, ["montag"] = DayOfWeek.Monday, ["dienstag"] = DayOfWeek.Tuesday, ["mittwoch"] = DayOfWeek.Wednesday,
        ["donnerstag"] = DayOfWeek.Thursday, ["freitag"] = DayOfWeek.Friday, ["samstag"] = DayOfWeek.Saturday, ["sonnabend"] = DayOfWeek.Saturday,
        ["domenica"] = DayOfWeek.Sunday, ["lunedi"] = DayOfWeek.Monday, ["martedi"] = DayOfWeek.Tuesday, ["mercoledi"] = DayOfWeek.Wednesday,
        ["giovedi"] = DayOfWeek.Thursday, ["venerdi"] = DayOfWeek.Friday, ["sabato"] = DayOfWeek.Saturday,
        ["segunda"] = DayOfWeek.Monday, ["segunda-feira"] = DayOfWeek.Monday, ["terca"] = DayOfWeek.Tuesday, ["terca-feira"] = DayOfWeek.Tuesday,
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday, ["thu"] = DayOfWeek.Thursday,
        ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday, ["fri"] = DayOfWeek.Friday,
        ["quarta-feira"] = DayOfWeek.Wednesday, ["quinta-feira"] = DayOfWeek.Thursday, ["sexta"] = DayOfWeek.Friday, ["sexta-feira"] = DayOfWeek.Friday,
    };

    /// <summary>A weekday's name in one of the six languages, folded ("jeudi", "donnerstag"), or null.</summary>
    internal static DayOfWeek? Weekday(string folded) => s_weekdays.TryGetValue(folded, out var day) ? day : null;

    static readonly Dictionary<string, int> s_monthNames = BuildMonths();

    static Dictionary<string, int> BuildMonths()
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        string[][] byLanguage =
        [
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"],
            ["januar", "februar", "marz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
            ["janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
        ];
        foreach (var months in byLanguage)
        {
            for (var i = 0; i < 12; i++)
            {
                d.TryAdd(months[i], i + 1);
            }
        }

        d["sept"] = 9;
        d["setiembre"] = 9;
        return d;
    }

    /// <summary>
    /// A date and/or time said relative to now in the business's time zone, as an ISO value with offset: "tomorrow
    /// morning", "next Tuesday after 3", "asap", "mañana por la tarde", "el martes a las 10", "demain matin",
    /// "Montag um 15 Uhr", "domani alle 9", "amanhã à tarde".
    /// </summary>
    public static ExtractedEntity? FindDateTime(string text, ExtractionContext context)
    {
        var lower = SpokenNumbers.Fold(text);
        var localNow = TimeZoneInfo.ConvertTime(context.Now, context.TimeZone);
        var raw = new List<string>();
        DateTime? date = null;
        TimeSpan? time = null;
        var confidence = 0.9;

        if (Asap().Match(lower) is { Success: true } asap)
        {
            return Entity(localNow.DateTime, asap.Value, 0.8);
        }

        if (InRelative().Match(lower) is { Success: true } rel)
        {
            var amount = ParseSmallNumber(rel.Groups["n"].Value);
            var unit = rel.Groups["unit"].Value;
            var at = unit.StartsWith("min", StringComparison.Ordinal) ? localNow.AddMinutes(amount)
                : unit[0] is 'h' or 'o' or 's' && !unit.StartsWith("sem", StringComparison.Ordinal) && !unit.StartsWith("set", StringComparison.Ordinal) ? localNow.AddHours(amount)
                : unit[0] is 'd' or 'j' or 't' or 'g' ? localNow.AddDays(amount) : localNow.AddDays(7 * amount);
            return Entity(at.DateTime, rel.Value, 0.85);
        }

        var timeOfDay = (TimeSpan?)null;
        if (DayWord().Match(lower) is { Success: true } dw)
        {
            raw.Add(dw.Value);
            var word = dw.Value;
            if (dw.Groups["after"].Success)
            {
                date = localNow.Date.AddDays(2);
            }
            else if (dw.Groups["tomorrow"].Success)
            {
                date = localNow.Date.AddDays(1);
            }
            else if (dw.Groups["nextweek"].Success)
            {
                date = localNow.Date.AddDays(((int)DayOfWeek.Monday - (int)localNow.DayOfWeek + 7) % 7 is 0 ? 7 : ((int)DayOfWeek.Monday - (int)localNow.DayOfWeek + 7) % 7);
            }
            else if (dw.Groups["weekend"].Success)
            {
                date = localNow.Date.AddDays(((int)DayOfWeek.Saturday - (int)localNow.DayOfWeek + 7) % 7);
            }
            else
            {
                date = localNow.Date;
            }

            // "tonight", "esta noche", "ce soir", "heute Abend", "stasera", "hoje à noite"
            if (dw.Groups["tonight"].Success)
            {
                timeOfDay = new TimeSpan(19, 0, 0);
            }
            else if (dw.Groups["thismorning"].Success)
            {
                timeOfDay = new TimeSpan(9, 0, 0);
            }
            else if (dw.Groups["thisafternoon"].Success)
            {
                timeOfDay = new TimeSpan(14, 0, 0);
            }
        }
        else if (Weekday().Match(lower) is { Success: true } wd && s_weekdays.TryGetValue(wd.Groups["day"].Value.Replace(' ', '-'), out var weekday))
        {
            raw.Add(wd.Value.Trim());
            var delta = ((int)weekday - (int)localNow.DayOfWeek + 7) % 7;
            // "next Tuesday" said on a Tuesday is a week away; "Tuesday" said on a Tuesday is today.
            if ((wd.Groups["next"].Success || wd.Groups["after"].Success) && delta == 0)
            {
                delta = 7;
            }

            date = localNow.Date.AddDays(delta);
        }
        else if (MonthDay().Match(lower) is { Success: true } md && s_monthNames.TryGetValue(md.Groups["m"].Value, out var month))
        {
            raw.Add(md.Value);
            date = ResolveMonthDay(month, int.Parse(md.Groups["d"].Value, CultureInfo.InvariantCulture), localNow);
        }
        else if (DayOfMonth().Match(lower) is { Success: true } dom)
        {
            // "the 5th": this month, or next month once it has passed.
            raw.Add(dom.Value);
            var day = int.Parse(dom.Groups["d"].Value, CultureInfo.InvariantCulture);
            var thisMonth = IsValidDate(localNow.Year, localNow.Month, day) ? new DateTime(localNow.Year, localNow.Month, day) : (DateTime?)null;
            var next = localNow.Date.AddMonths(1);
            date = thisMonth is { } d && d >= localNow.Date ? d : IsValidDate(next.Year, next.Month, day) ? new DateTime(next.Year, next.Month, day) : null;
        }
        else if (NumericDate().Match(lower) is { Success: true } nd)
        {
            raw.Add(nd.Value);
            var a = int.Parse(nd.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(nd.Groups["b"].Value, CultureInfo.InvariantCulture);
            // Dots are European: 05.12.2026 is 5 December everywhere.
            var (m, day) = context.DayFirst || nd.Value.Contains('.', StringComparison.Ordinal) ? (b, a) : (a, b);
            if (nd.Groups["y"].Success)
            {
                var year = int.Parse(nd.Groups["y"].Value, CultureInfo.InvariantCulture);
                year = year < 100 ? 2000 + year : year;
                date = IsValidDate(year, m, day) ? new DateTime(year, m, day) : null;
            }
            else
            {
                date = ResolveMonthDay(m, day, localNow);
            }
        }

        if (ClockTime().Match(lower) is { Success: true } ct && ReadClock(ct) is { } clock)
        {
            time = clock;
            raw.Add(ct.Value.Trim());
        }
        else if (PartOfDay().Match(lower) is { Success: true } pd)
        {
            var part = pd.Groups["part"].Value;
            time = part switch
            {
                "morning" or "mornings" or "manana" or "matin" or "matinee" or "morgens" or "vormittag" or "vormittags" or "fruh" or "mattina"
                    or "mattinata" or "manha" or "first thing" => new TimeSpan(9, 0, 0),
                "afternoon" or "afternoons" or "tarde" or "apres-midi" or "apres midi" or "nachmittag" or "nachmittags" or "pomeriggio" => new TimeSpan(14, 0, 0),
                "evening" or "evenings" or "tonight" or "after work" or "noche" or "soir" or "soiree" or "abend" or "abends" or "sera" or "serata" or "noite" => new TimeSpan(18, 0, 0),
                _ => new TimeSpan(12, 0, 0),
            };
            raw.Add(pd.Value.Trim());
            confidence = 0.75;
        }
        else if (timeOfDay is not null)
        {
            time = timeOfDay;
        }

        if (date is null && time is null)
        {
            return null;
        }

        if (date is null)
        {
            // A time alone means the next time it comes round.
            date = localNow.TimeOfDay <= time!.Value ? localNow.Date : localNow.Date.AddDays(1);
            confidence = 0.7;
        }

        return Entity(date.Value + (time ?? new TimeSpan(9, 0, 0)), string.Join(' ', raw.Distinct()), time is null ? 0.8 : confidence);

        ExtractedEntity Entity(DateTime local, string matched, double conf)
        {
            var offset = context.TimeZone.GetUtcOffset(local);
            var value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
            return new ExtractedEntity(EntityKind.DateTime, value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), matched, text, conf);
        }
    }

    /// <summary>The clock time of a match of <see cref="ClockTime"/>, or null when it is no valid time.</summary>
    static TimeSpan? ReadClock(Match ct)
    {
        int hour;
        if (ct.Groups["noon"].Success)
        {
            hour = ct.Groups["noon"].Value is "midnight" or "medianoche" or "minuit" or "mitternacht" or "mezzanotte" or "meia-noite" or "meia noite" ? 0 : 12;
        }
        else if (!int.TryParse(ct.Groups["h"].Value, CultureInfo.InvariantCulture, out hour))
        {
            // "a las tres", "at four": the hour said as a word.
            var words = ct.Groups["h"].Value.Split(' ');
            if (SpokenNumbers.Read(words, 0) is not { } spoken || !int.TryParse(spoken.Digits, CultureInfo.InvariantCulture, out hour))
            {
                return null;
            }
        }

        var minute = 0;
        if (ct.Groups["min"].Success)
        {
            minute = ct.Groups["min"].Value switch
            {
                "media" or "half" or "mezza" or "meia" => 30,
                "cuarto" or "quarter" or "quart" or "quarto" => 15,
                var m => int.TryParse(m, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0,
            };
        }

        var meridiem = ct.Groups["ampm"].Value.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var pm = meridiem.StartsWith('p') || ct.Groups["pod"].Value is "tarde" or "noche" or "noite";
        var am = meridiem.StartsWith('a') || ct.Groups["pod"].Value is "manana" or "manha" or "madrugada";
        if (pm && hour < 12)
        {
            hour += 12;
        }
        else if (am && hour == 12)
        {
            hour = 0;
        }
        else if (!pm && !am && !ct.Groups["noon"].Success && !ct.Groups["h24"].Success && !ct.Groups["h"].Value.StartsWith('0') && hour is >= 1 and <= 7)
        {
            // "at 3", "3:30", "a las tres y media": in a booking, the afternoon ("03:30" stays at night).
            hour += 12;
        }

        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeSpan(hour, minute, 0) : null;
    }

    static DateTime? ResolveMonthDay(int month, int day, DateTimeOffset localNow)
    {
        var year = localNow.Year;
        if (!IsValidDate(year, month, day))
        {
            return null;
        }

        var candidate = new DateTime(year, month, day);
        return candidate < localNow.Date ? (IsValidDate(year + 1, month, day) ? new DateTime(year + 1, month, day) : null) : candidate;
    }

    static bool IsValidDate(int year, int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    static int ParseSmallNumber(string text)
    {
        if (int.TryParse(text, out var n))
        {
            return n;
        }

        switch (text)
        {
            case "a" or "an" or "un" or "una" or "une" or "uma" or "um" or "einer" or "einem" or "einen":
                return 1;
            case "a couple of" or "couple of" or "a couple" or "un par de" or "par de":
                return 2;
            case "a few" or "few" or "unos" or "unas" or "unos pocos" or "quelques" or "ein paar" or "paar" or "qualche" or "alguns" or "algumas":
                return 3;
        }

        var words = text.Split(' ');
        return SpokenNumbers.Read(words, 0) is { } spoken && int.TryParse(spoken.Digits, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : 1;
    }

    [GeneratedRegex(@"\b(asap|a\.s\.a\.p|as soon as possible|as soon as you can|the sooner the better|sooner rather than later|entre mas pronto mejor|mientras mas pronto mejor|right now|right away|immediately|urgently|lo antes posible|lo mas pronto posible|lo mas rapido posible|cuanto antes|ahora mismo|ahorita|de inmediato|inmediatamente|des que possible|au plus vite|le plus tot possible|tout de suite|immediatement|so schnell wie moglich|schnellstmoglich|sofort|moglichst bald|prima possibile|il prima possibile|subito|immediatamente|o quanto antes|o mais rapido possivel|o mais cedo possivel|imediatamente|agora mesmo)\b")]
    private static partial Regex Asap();

    [GeneratedRegex(@"\b(?:in|en|dentro de|dans|tra|fra|em|daqui a) (?<n>\d+|a few|a couple of|a couple|couple of|an|a|un par de|unos|unas|una|un|une|einer|einem|ein paar|uma|um|[a-z]+(?: y [a-z]+| [a-z]+)?) (?<unit>minutes?|mins?|hours?|hrs?|days?|weeks?|minutos?|horas?|dias?|semanas?|heures?|jours?|semaines?|minuten|stunden?|tagen?|wochen?|minuti|ore|ora|giorni|settimane?)\b")]
    private static partial Regex InRelative();

    // Named groups tell which day: "after" (the day after tomorrow), "tomorrow", "nextweek", "weekend", else today.
    [GeneratedRegex(@"\b(?:(?<after>day after tomorrow|pasado manana|apres-demain|apres demain|ubermorgen|dopodomani|depois de amanha)|(?<tonight>tonight|esta noche|hoy en la noche|hoy por la noche|ce soir|heute abend|stasera|hoje a noite|hoje de noite|esta noite)|(?<thismorning>this morning|esta manana|hoy en la manana|hoy por la manana|ce matin|heute morgen|heute fruh|stamattina|hoje de manha)|(?<thisafternoon>this afternoon|esta tarde|hoy en la tarde|hoy por la tarde|cet apres-midi|cet apres midi|heute nachmittag|oggi pomeriggio|hoje a tarde|hoje de tarde)|(?<nextweek>next week|la semana que viene|la proxima semana|semana que viene|proxima semana|la semaine prochaine|semaine prochaine|nachste woche|nachsten woche|la settimana prossima|settimana prossima|la prossima settimana|prossima settimana|semana que vem)|(?<weekend>this weekend|the weekend|on the weekend|at the weekend|weekends?|el fin de semana|fin de semana|ce week-end|le week-end|week-end|am wochenende|wochenende|il fine settimana|fine settimana|no fim de semana|fim de semana)|(?<tomorrow>tom+or+ow|tmrw|tmr|2morrow|(?<!(?:por|en|de|a) la |esta )manana|demain|(?<!heute |guten |am )morgen|domani|amanha)|today|later today|hoy|aujourd'hui|heute|oggi|hoje)\b")]
    private static partial Regex DayWord();

    [GeneratedRegex(@"\b(?:(?<next>next|this coming|coming|el proximo|el otro|proximo|prochain|nachsten|naechsten|kommenden|prossimo|proxima|na proxima|no proximo)\s+|(?:on|this|el|este|le|ce|am|diesen|il|questo|na|no|nesta|neste)\s+)?(?<day>sunday|monday|tuesday|wednesday|thursday|friday|saturday|domingo|lunes|martes|miercoles|jueves|viernes|sabado|dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi|sonntag|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|domenica|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|segunda[- ]feira|terca(?:[- ]feira)?|quarta[- ]feira|quinta[- ]feira|sexta(?:[- ]feira)?|mon|tues?|thu|thurs?|fri)(?<after>\s+(?:que viene|prochain|prossimo|que vem))?\b|\b(?:na|na proxima|(?<next>proxima))\s+(?<day>segunda)\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?:(?<m>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.? (?:the )?(?<d>[12]?\d|3[01])(?:st|nd|rd|th)?|(?:the )?(?<d>[12]?\d|3[01])(?:st|nd|rd|th|er|\.|º|o)?(?: of| de)? (?<m>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|januar|februar|marz|juni|juli|oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|dezembro))\b")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?:the|on the|el dia|el|le|am|il|dia) (?<d>[12]?\d|3[01])(?:st|nd|rd|th|er|\.)?(?=\s*$|\s*[,.!?]|\s+(?:at|in|a las|por|en|after|before|morning|afternoon|evening|a la|de la|around))")]
    private static partial Regex DayOfMonth();

    [GeneratedRegex(@"\b(?<a>1[0-2]|0?[1-9]|[12]\d|3[01])/(?<b>0?[1-9]|[12]\d|3[01])(?:/(?<y>\d{4}|\d{2}))?\b|\b(?<a>[12]\d|3[01]|0?[1-9])\.(?<b>0?[1-9]|1[0-2])\.(?<y>\d{4}|\d{2})\b")]
    private static partial Regex NumericDate();

    // English, then Spanish ("a las 3 de la tarde", "a las tres y media"), French ("15h30"), German ("um 15 Uhr"),
    // Italian ("alle 15"), Portuguese ("às 15h", "as 3 da tarde").
    [GeneratedRegex(@"(\b(at|around|by|after|before|from) )?\b((?<h>[01]?\d|2[0-3])(:(?<min>[0-5]\d))?\s?(?<ampm>a\.?m\.?|p\.?m\.?)|(?<h>[01]?\d|2[0-3]):(?<min>[0-5]\d)|(?<noon>noon|midnight|mediodia|medianoche|midi|minuit|mittag|mitternacht|mezzogiorno|mezzanotte|meio-dia|meio dia|meia-noite|meia noite))(?![\d/])|\b(at|around|after|before|by|from) (?<h>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: o'?clock)?\b(?![\d/:])(?! (?:days?|weeks?|months?|years?|hours?|minutes?|of|people|kids|point|times?|gallons?|dollars?|bucks|percent|%))|\b(?:a|hacia|sobre|despues de|antes de|desde) las? (?<h>1[0-2]|0?[1-9]|1\d|2[0-3]|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)(?:(?::| y )(?<min>[0-5]\d|media|cuarto))?(?: (?:de|en|por) la (?<pod>manana|tarde|noche|madrugada))?\b|\b(?<h24>(?<h>[01]?\d|2[0-3]) ?h(?:eures?)? ?(?<min>[0-5]\d)?)\b|\b(?:um|gegen|ab|nach) (?<h>[01]?\d|2[0-3])(?:[:.](?<min>[0-5]\d))?(?: uhr)?\b|\b(?<h24>(?<h>[01]?\d|2[0-3])(?:[:.](?<min>[0-5]\d))? uhr)\b|\b(?:alle|verso le|dopo le|prima delle) (?<h>[01]?\d|2[0-3]|una|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici)(?:[:.](?<min>[0-5]\d)| e (?<min>mezza|quarto))?\b|\b(?:as|depois das|antes das|por volta das) (?<h>[01]?\d|2[0-3])(?:h(?<min>[0-5]\d)?|:(?<min>[0-5]\d)| horas)(?: da (?<pod>manha|tarde|noite))?(?=\s|$|[,.!?])|\b(?:as|depois das|antes das|por volta das) (?<h>[01]?\d|2[0-3]|uma|duas|tres|quatro|cinco|seis|sete|oito|nove|dez|onze|doze) da (?<pod>manha|tarde|noite)\b|\b(?:depois das|antes das|por volta das) (?<h>[01]?\d|2[0-3])\b")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"\b(?:(?:por|en|de|a) la |(?:in|on) the |de |a |a la |am |nel |nella |di |pela |a |la )?(?<!good |buenas |buena |boa |buona |guten |bom )(?<part>mornings?|first thing|afternoons?|evenings?|tonight|after work|lunchtime|lunch time|midday|(?<=(?:por|en|de|a) la )manana|tarde|noche|matinee|matin|apres-midi|apres midi|soiree|soir|morgens|vormittags?|fruh|nachmittags?|abends?|mattinata|mattina|pomeriggio|serata|sera|manha|noite)\b")]
    private static partial Regex PartOfDay();
}
