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

    /// <summary>The country calling code numbers without one belong to, from the business's time zone.</summary>
    public string DefaultCallingCode => TimeZoneId switch
    {
        var z when z.StartsWith("America/", StringComparison.Ordinal) || z.StartsWith("US/", StringComparison.Ordinal)
            || z.StartsWith("Canada/", StringComparison.Ordinal) || z == "Pacific/Honolulu" => "1",
        "Europe/London" or "Europe/Belfast" => "44",
        "Europe/Dublin" => "353",
        "Europe/Madrid" => "34",
        "Europe/Paris" => "33",
        "Europe/Berlin" => "49",
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
    static readonly string[] s_digitWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

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

        if (FindDateTime(utterance, context) is { } when)
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
        foreach (Match m in EmailPattern().Matches(text))
        {
            yield return new ExtractedEntity(EntityKind.Email, m.Value.TrimEnd('.').ToLowerInvariant(), m.Value, text, 0.95);
        }

        // Speech: "john dot smith at gmail dot com".
        foreach (Match m in SpokenEmail().Matches(text.ToLowerInvariant()))
        {
            var value = m.Value.Replace(" dot ", ".", StringComparison.Ordinal).Replace(" at ", "@", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (EmailPattern().IsMatch(value))
            {
                yield return new ExtractedEntity(EntityKind.Email, value, m.Value, text, 0.75);
            }
        }
    }

    public static string? FirstEmail(string text) => Emails(text).FirstOrDefault()?.Value;

    // ---------------------------------------------------------------- phone

    /// <summary>Phone numbers as typed ("(555) 123-4567", "+44 20 7946 0958") or spoken ("five five five one two ...").</summary>
    static IEnumerable<ExtractedEntity> Phones(string text, ExtractionContext context)
    {
        var tokens = PhoneTokens().Matches(text.ToLowerInvariant()).Select(m => (m.Value, m.Index)).ToList();
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

        for (var i = 0; i < tokens.Count; i++)
        {
            var (token, index) = tokens[i];
            string? digits = null;
            if (token.TrimStart('+').All(char.IsAsciiDigit))
            {
                digits = token.TrimStart('+');
                if (token.StartsWith('+') && run.Length == 0)
                {
                    plus = true;
                }
            }
            else if (Array.IndexOf(s_digitWords, token) is var d and >= 0)
            {
                digits = d.ToString(CultureInfo.InvariantCulture);
                spoken = true;
            }
            else if ((token is "oh" or "o") && run.Length > 0)
            {
                digits = "0";
            }
            else if ((token is "double" or "triple") && i + 1 < tokens.Count && Array.IndexOf(s_digitWords, tokens[i + 1].Value) is var next and >= 0)
            {
                digits = new string((char)('0' + next), token == "double" ? 2 : 3);
                spoken = true;
                i++;
            }
            else if (token is "dash" or "hyphen" && run.Length > 0)
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
                runStart = index;
            }

            run.Append(digits);
            runEnd = tokens[i].Index + tokens[i].Value.Length;
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

        var code = context.DefaultCallingCode;
        if (code == "1")
        {
            return digits.Length is 10 or 11 ? PhoneNumbers.Normalize(digits) : null;
        }

        // National numbers elsewhere start with a trunk 0: 020 7946 0958 is +44 20 7946 0958.
        if (digits.StartsWith('0') && digits.Length is >= 9 and <= 12)
        {
            return PhoneNumbers.Normalize("+" + code + digits[1..]);
        }

        return digits.StartsWith(code, StringComparison.Ordinal) && digits.Length >= 10 ? PhoneNumbers.Normalize("+" + digits) : null;
    }

    public static string? FirstPhone(string text, ExtractionContext context) => Phones(text, context).FirstOrDefault()?.Value;

    // ---------------------------------------------------------------- name

    static readonly HashSet<string> s_notNames =
    [
        "calling", "having", "looking", "from", "with", "the", "a", "an", "and", "here", "at", "about", "interested", "trying",
        "going", "not", "so", "just", "very", "really", "sure", "ok", "okay", "fine", "good", "great", "sorry", "glad", "happy",
        "wondering", "in", "on", "to", "for", "need", "needing", "want", "wanting", "hoping", "afraid", "worried", "concerned",
        "the", "your", "you", "my", "is", "it", "yes", "yeah", "no", "hi", "hello", "hey", "still", "also", "thinking", "getting",
        "seeing", "having", "home", "out", "at", "currently", "now", "a", "new", "customer", "owner", "tenant", "landlord",
        "homeowner", "renter", "buyer", "seller", "selling", "buying", "done", "back", "ready", "available", "free", "busy", "there",
        "pretty", "kind", "sort", "that", "this", "who", "what", "because", "since", "if", "when", "please", "thanks", "thank",
        "emergency", "urgent", "plumber", "electrician", "lawyer", "agent", "me", "we", "our", "his", "her", "their", "of", "or",
        "by", "as", "be", "been", "an", "any", "some", "all", "call", "phone", "number", "email", "address", "street", "problem",
    ];

    static readonly string[] s_nameLeads = ["my name is", "my name's", "name is", "this is", "i am", "i'm", "im", "it is", "it's", "call me", "me llamo", "mi nombre es", "soy", "speaking with", "you're speaking to", "you are speaking to"];

    /// <summary>A person's name from "my name is ...", "this is ...", "I'm ..." or, answering a name question, the answer itself.</summary>
    public static (string Value, string Raw, double Confidence)? FindName(string text, bool expectingName)
    {
        var lower = text.ToLowerInvariant();
        foreach (var lead in s_nameLeads)
        {
            var at = FindWord(lower, lead);
            if (at < 0)
            {
                continue;
            }

            var strong = lead is "my name is" or "my name's" or "name is" or "call me" or "me llamo" or "mi nombre es";
            var afterStart = at + lead.Length;
            var candidate = NameWords(text[afterStart..], requireCapital: !strong && !expectingName && HasCapitals(text));
            if (candidate is not null)
            {
                return (candidate, text[at..Math.Min(text.Length, afterStart + candidate.Length + 1)].Trim(), strong ? 0.9 : 0.7);
            }
        }

        if (expectingName)
        {
            var stripped = AnswerPreamble().Replace(text.Trim(), "");
            var candidate = NameWords(stripped, requireCapital: false);
            var wordCount = stripped.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (candidate is not null && wordCount <= 4)
            {
                return (candidate, stripped.Trim(), 0.8);
            }
        }

        return null;
    }

    static string? NameWords(string rest, bool requireCapital)
    {
        var words = new List<string>();
        foreach (var raw in rest.Split([' ', ',', '.', '!', '?', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('\'', '"');
            var lower = word.ToLowerInvariant();
            if (word.Length < 2 || !word.All(c => char.IsLetter(c) || c is '-' or '\'') || s_notNames.Contains(lower)
                || lower.EndsWith("ing", StringComparison.Ordinal) || (requireCapital && !char.IsUpper(word[0])))
            {
                break;
            }

            words.Add(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(lower));
            if (words.Count == 3)
            {
                break;
            }
        }

        return words.Count == 0 ? null : string.Join(' ', words);
    }

    static bool HasCapitals(string text) => text.Any(char.IsUpper) && text.Any(char.IsLower) && text != text.ToUpperInvariant();

    static int FindWord(string text, string phrase)
    {
        var at = 0;
        while ((at = text.IndexOf(phrase, at, StringComparison.Ordinal)) >= 0)
        {
            var startOk = at == 0 || !char.IsLetter(text[at - 1]);
            var end = at + phrase.Length;
            var endOk = end < text.Length && text[end] == ' ';
            if (startOk && endOk)
            {
                return at;
            }

            at = end;
        }

        return -1;
    }

    // ---------------------------------------------------------------- date and time

    static readonly string[] s_days = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    static readonly string[] s_months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>A date and/or time said relative to now in the business's time zone, as an ISO value with offset.</summary>
    public static ExtractedEntity? FindDateTime(string text, ExtractionContext context)
    {
        var lower = text.ToLowerInvariant();
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
            var amount = ParseSmallNumber(rel.Groups[1].Value);
            var unit = rel.Groups[2].Value;
            var at = unit.StartsWith("min", StringComparison.Ordinal) ? localNow.AddMinutes(amount)
                : unit.StartsWith("hour", StringComparison.Ordinal) ? localNow.AddHours(amount)
                : unit.StartsWith("day", StringComparison.Ordinal) ? localNow.AddDays(amount) : localNow.AddDays(7 * amount);
            return Entity(at.DateTime, rel.Value, 0.85);
        }

        if (DayWord().Match(lower) is { Success: true } dw)
        {
            raw.Add(dw.Value);
            date = dw.Groups[1].Value switch
            {
                "today" or "tonight" or "this morning" or "this afternoon" or "this evening" or "hoy" => localNow.Date,
                "tomorrow" or "manana" or "mañana" => localNow.Date.AddDays(1),
                _ => localNow.Date.AddDays(2),
            };
            if (dw.Groups[1].Value == "tonight")
            {
                time = new TimeSpan(19, 0, 0);
            }
        }
        else if (Weekday().Match(lower) is { Success: true } wd)
        {
            raw.Add(wd.Value);
            var target = Array.IndexOf(s_days, wd.Groups[2].Value);
            var delta = (target - (int)localNow.DayOfWeek + 7) % 7;
            // "next Tuesday" said on a Tuesday is a week away; "Tuesday" said on a Tuesday is today.
            if (wd.Groups[1].Value.Trim() == "next" && delta == 0)
            {
                delta = 7;
            }

            date = localNow.Date.AddDays(delta);
        }
        else if (MonthDay().Match(lower) is { Success: true } md)
        {
            raw.Add(md.Value);
            var monthText = md.Groups["m1"].Success ? md.Groups["m1"].Value : md.Groups["m2"].Value;
            var dayText = md.Groups["d1"].Success ? md.Groups["d1"].Value : md.Groups["d2"].Value;
            date = ResolveMonthDay(Array.IndexOf(s_months, monthText[..3]) + 1, int.Parse(dayText, CultureInfo.InvariantCulture), localNow);
        }
        else if (NumericDate().Match(lower) is { Success: true } nd)
        {
            raw.Add(nd.Value);
            var a = int.Parse(nd.Groups[1].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(nd.Groups[2].Value, CultureInfo.InvariantCulture);
            var (month, day) = context.DayFirst ? (b, a) : (a, b);
            if (nd.Groups[3].Success)
            {
                var year = int.Parse(nd.Groups[3].Value, CultureInfo.InvariantCulture);
                year = year < 100 ? 2000 + year : year;
                date = IsValidDate(year, month, day) ? new DateTime(year, month, day) : null;
            }
            else
            {
                date = ResolveMonthDay(month, day, localNow);
            }
        }

        if (ClockTime().Match(lower) is { Success: true } ct)
        {
            var hour = ct.Groups["noon"].Success ? (ct.Groups["noon"].Value == "noon" ? 12 : 0) : int.Parse(ct.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = ct.Groups["min"].Success ? int.Parse(ct.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
            var meridiem = ct.Groups["ampm"].Value.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (meridiem.StartsWith('p') && hour < 12)
            {
                hour += 12;
            }
            else if (meridiem.StartsWith('a') && hour == 12)
            {
                hour = 0;
            }
            else if (meridiem.Length == 0 && !ct.Groups["noon"].Success && !ct.Groups["min"].Success && hour is >= 1 and <= 7)
            {
                // "at 3" in a booking means the afternoon.
                hour += 12;
            }

            if (hour is >= 0 and < 24 && minute is >= 0 and < 60)
            {
                time = new TimeSpan(hour, minute, 0);
                raw.Add(ct.Value.Trim());
            }
        }
        else if (PartOfDay().Match(lower) is { Success: true } pd)
        {
            time = pd.Value.Contains("morning", StringComparison.Ordinal) ? new TimeSpan(9, 0, 0)
                : pd.Value.Contains("afternoon", StringComparison.Ordinal) ? new TimeSpan(14, 0, 0)
                : pd.Value.Contains("evening", StringComparison.Ordinal) || pd.Value.Contains("tonight", StringComparison.Ordinal) ? new TimeSpan(18, 0, 0)
                : new TimeSpan(12, 0, 0);
            raw.Add(pd.Value);
            confidence = 0.75;
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

    static int ParseSmallNumber(string text) => int.TryParse(text, out var n) ? n : text switch
    {
        "a" or "an" or "one" => 1,
        "two" or "a couple of" or "couple of" => 2,
        "three" or "a few" or "few" => 3,
        "four" => 4,
        "five" => 5,
        "ten" => 10,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "forty five" => 45,
        _ => 1,
    };

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
        var street = StreetAddress().Match(text);
        if (street.Success)
        {
            yield return new ExtractedEntity(EntityKind.Location, Tidy(street.Value), street.Value, text, 0.9);
        }

        foreach (Match zip in Zip().Matches(text))
        {
            var insidePhoneOrStreet = phones.Any(p => p.Raw.Contains(zip.Value, StringComparison.Ordinal)) || (street.Success && street.Value.Contains(zip.Value, StringComparison.Ordinal));
            if (!insidePhoneOrStreet)
            {
                yield return new ExtractedEntity(EntityKind.Location, zip.Value, zip.Value, text, 0.7);
            }
        }

        if (!street.Success && InPlace().Match(text) is { Success: true } place && !s_months.Any(mo => place.Groups[1].Value.StartsWith(mo, StringComparison.OrdinalIgnoreCase))
            && !s_days.Any(d => place.Groups[1].Value.Equals(d, StringComparison.OrdinalIgnoreCase)))
        {
            yield return new ExtractedEntity(EntityKind.Location, place.Groups[1].Value, place.Value, text, 0.5);
        }
    }

    /// <summary>True when the text reads as a street address (a house number and a street, or a ZIP code).</summary>
    public static bool LooksLikeAddress(string text) =>
        StreetAddress().IsMatch(text) || (Zip().IsMatch(text) && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2)
        || (text.Any(char.IsAsciiDigit) && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 && text.Any(char.IsLetter));

    static string Tidy(string s) => Regex.Replace(s.Trim().TrimEnd(',', '.'), @"\s+", " ");

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b[a-z0-9]+(( dot | )?[a-z0-9]+)? at [a-z0-9-]+ dot (com|net|org|edu|gov|io|co|us|ca|uk|info|biz|me)\b")]
    private static partial Regex SpokenEmail();

    [GeneratedRegex(@"\+?\d+|[a-z]+")]
    private static partial Regex PhoneTokens();

    [GeneratedRegex(@"^(it is|it's|its|my name is|my name's|this is|i am|i'm|im|yes|yeah|sure|ok|okay|hi|hello|the name is|name's|me llamo|soy)[\s,]+", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerPreamble();

    [GeneratedRegex(@"\b(asap|as soon as possible|right now|right away|immediately|lo antes posible|ahora mismo)\b")]
    private static partial Regex Asap();

    [GeneratedRegex(@"\bin (\d+|a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|forty five|a few|a couple of) (minutes?|mins?|hours?|days?|weeks?)\b")]
    private static partial Regex InRelative();

    [GeneratedRegex(@"\b(today|tonight|tomorrow|day after tomorrow|this morning|this afternoon|this evening|manana|mañana|hoy)\b")]
    private static partial Regex DayWord();

    [GeneratedRegex(@"\b(next |this |on |coming )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b((?<m1>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.? (the )?(?<d1>[12]?\d|3[01])(st|nd|rd|th)?|(the )?(?<d2>[12]?\d|3[01])(st|nd|rd|th)?( of)? (?<m2>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?))\b")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(1[0-2]|0?[1-9]|[12]\d|3[01])/(0?[1-9]|[12]\d|3[01])(?:/(\d{4}|\d{2}))?\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(\b(at|around|by|after|before) )?\b((?<h>[01]?\d|2[0-3])(:(?<min>[0-5]\d))?\s?(?<ampm>a\.?m\.?|p\.?m\.?)|(?<h>[01]?\d|2[0-3]):(?<min>[0-5]\d)|(?<noon>noon|midnight))(?![\d/])|\b(at|around) (?<h>1[0-2]|[1-9])\b(?![\d/:])")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"\b(morning|afternoon|evening|tonight|lunchtime|midday)\b")]
    private static partial Regex PartOfDay();

    [GeneratedRegex(@"(\$\s?(?<n1>\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?(?<k>k)?\b|\b(?<n2>\d{1,3}(,\d{3})+|\d+(\.\d{1,2})?)(?<k>k)? ?(dollars|bucks|usd)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Money();

    [GeneratedRegex(@"\b\d{1,6}[A-Za-z]?\s+(?:[A-Za-z0-9.'-]+\s+){0,4}?(street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|circle|cir|highway|hwy|parkway|pkwy|trail|trl|square|sq|calle|avenida)\b\.?(,?\s*(apt|apartment|unit|suite|ste|#)\.?\s*[A-Za-z0-9-]+)?(,?\s+[A-Z][A-Za-z]+(\s[A-Z][A-Za-z]+)?)?(,?\s+[A-Z]{2})?(\s+\d{5}(-\d{4})?)?", RegexOptions.IgnoreCase)]
    private static partial Regex StreetAddress();

    [GeneratedRegex(@"(?<![\d-])\b\d{5}(-\d{4})?\b(?![\d-])")]
    private static partial Regex Zip();

    [GeneratedRegex(@"\b(?:in|near|around) ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")]
    private static partial Regex InPlace();
}
