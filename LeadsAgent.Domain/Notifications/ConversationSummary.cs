using System.Globalization;
using System.Text;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Domain.Notifications;

/// <summary>What the agent did with a call or chat, as the owner reads it in a summary.</summary>
public enum SummaryOutcome
{
    LeadTaken,
    PartialLead,
    Voicemail,
    Transferred,
    AnsweredByOwner,
    HungUpDuringGreeting,
    HungUp,
    QuestionsAnswered,
    ChatLeft,
}

/// <summary>
/// Everything a summary says, read from the finished conversation and its lead. Plain data: the infrastructure fills
/// it from the database, tests by hand.
/// </summary>
public sealed record SummaryFacts
{
    public required string BusinessName { get; init; }
    public required Channel Channel { get; init; }
    public required ConversationStatus Status { get; init; }
    public string? CallerName { get; init; }
    public string? CallerNumber { get; init; }
    public string? CallerEmail { get; init; }
    public string? Address { get; init; }
    public LeadPriority Priority { get; init; } = LeadPriority.LOW;
    public IReadOnlyList<CapturedAnswer> Captured { get; init; } = [];
    public IReadOnlyList<string> EmergencyReasons { get; init; } = [];
    /// <summary>What the caller said, in order (their own words, any language).</summary>
    public IReadOnlyList<string> CallerMessages { get; init; } = [];
    public bool HasLead { get; init; }
    public bool PartialLead { get; init; }
    public bool Voicemail { get; init; }
    public bool AnsweredByOwner { get; init; }
    public TimeSpan Length { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    /// <summary>The business's IANA time zone, for the local time in the summary.</summary>
    public string TimeZone { get; init; } = "America/New_York";
    /// <summary>The language the agent spoke with the caller ("es"), when it was not English.</summary>
    public string? Language { get; init; }
    public required string ConversationLink { get; init; }
    public string? LeadLink { get; init; }
    public string? RecordingLink { get; init; }
}

/// <summary>A summary ready to send: a subject, labelled lines, the whole text and a short text message.</summary>
public sealed record SummaryText(string Subject, string Headline, IReadOnlyList<SummaryLine> Lines, string Text, string Short);

public sealed record SummaryLine(string Label, string Value);

/// <summary>
/// The deterministic summary of one finished call or chat, built without a language model: who, what (the problem in
/// the caller's own words), priority, captured answers, what the agent did, how long it took and the links. The owner
/// reads English; the caller's words are quoted as they were said, with the language named when it was not English.
/// </summary>
public static class ConversationSummary
{
    /// <summary>The longest a problem quote gets in a summary.</summary>
    public const int MaxProblemLength = 300;
    /// <summary>A text message stays within two SMS segments' worth of plain text when it can.</summary>
    public const int MaxShortLength = 320;

    public static SummaryOutcome OutcomeOf(SummaryFacts f)
    {
        if (f.AnsweredByOwner)
        {
            return SummaryOutcome.AnsweredByOwner;
        }

        if (f.Status == ConversationStatus.TRANSFERRED)
        {
            return SummaryOutcome.Transferred;
        }

        if (f.Voicemail)
        {
            return SummaryOutcome.Voicemail;
        }

        if (f.HasLead)
        {
            return f.PartialLead ? SummaryOutcome.PartialLead : SummaryOutcome.LeadTaken;
        }

        if (f.CallerMessages.Count == 0)
        {
            return f.Channel == Channel.VOICE ? SummaryOutcome.HungUpDuringGreeting : SummaryOutcome.ChatLeft;
        }

        if (f.Status == ConversationStatus.COMPLETED)
        {
            return SummaryOutcome.QuestionsAnswered;
        }

        return f.Channel == Channel.VOICE ? SummaryOutcome.HungUp : SummaryOutcome.ChatLeft;
    }

    /// <summary>The outcome in the owner's words.</summary>
    public static string Words(SummaryOutcome outcome, Channel channel) => outcome switch
    {
        SummaryOutcome.LeadTaken => "Lead taken: the agent has everything it asked for.",
        SummaryOutcome.PartialLead => channel == Channel.VOICE
            ? "Partial lead: the caller hung up before finishing, but left a number to call back."
            : "Partial lead: the visitor left before finishing, but gave a way to reach them.",
        SummaryOutcome.Voicemail => "Voicemail: the caller left a message.",
        SummaryOutcome.Transferred => "Transferred: the call was put through to you.",
        SummaryOutcome.AnsweredByOwner => "Answered by you: your phone picked up the call.",
        SummaryOutcome.HungUpDuringGreeting => "Hung up during the greeting: the caller said nothing.",
        SummaryOutcome.HungUp => "Hung up before leaving details: no lead.",
        SummaryOutcome.QuestionsAnswered => channel == Channel.VOICE
            ? "Questions answered: the caller did not ask for a visit or a call back."
            : "Questions answered: the visitor did not ask for a visit or a call back.",
        _ => "Left the chat before leaving details: no lead.",
    };

    /// <summary>The problem in the caller's words: the first thing they said with some substance, cut to a readable length.</summary>
    public static string? Problem(IReadOnlyList<string> callerMessages)
    {
        var said = callerMessages.Select(m => m.Trim()).Where(m => m.Length > 0).ToList();
        var pick = said.FirstOrDefault(m => m.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3) ?? said.FirstOrDefault();
        return pick is null ? null : Cut(Flatten(pick), MaxProblemLength);
    }

    /// <summary>"4 min 05 s", "45 s".</summary>
    public static string Duration(TimeSpan length)
    {
        var seconds = (int)Math.Max(0, Math.Round(length.TotalSeconds));
        return seconds < 60 ? $"{seconds} s" : $"{seconds / 60} min {seconds % 60:00} s";
    }

    public static SummaryText Build(SummaryFacts f)
    {
        var outcome = OutcomeOf(f);
        var who = Who(f);
        var what = Problem(f.CallerMessages);
        var kind = f.Channel == Channel.VOICE ? "Call" : "Chat";
        var marker = f.Priority == LeadPriority.URGENT ? "[URGENT] " : f.Priority == LeadPriority.HIGH ? "[HIGH] " : "";
        var subject = Flatten($"{marker}{kind} summary for {f.BusinessName}: {who} ({ShortOutcome(outcome)})");
        var headline = $"{kind} with {who}, {Local(f.StartedAt, f.TimeZone)}";

        var lines = new List<SummaryLine> { new("Who", WhoWithNumber(f)) };
        if (what is not null)
        {
            var language = f.Language is { } l && AgentPhrases.LanguageOf(l) != AgentPhrases.DefaultLanguage
                ? $" (in {AgentPhrases.EnglishName(l)})" : "";
            lines.Add(new("What", $"\"{what}\"{language}"));
        }

        lines.Add(new("Priority", f.Priority.ToString()));
        if (f.EmergencyReasons.Count > 0)
        {
            lines.Add(new("Why urgent", string.Join("; ", f.EmergencyReasons)));
        }

        lines.Add(new("Outcome", Words(outcome, f.Channel)));
        lines.Add(new(f.Channel == Channel.VOICE ? "Call length" : "Chat length", Duration(f.Length)));
        if (f.CallerEmail is { Length: > 0 } email)
        {
            lines.Add(new("Email", email));
        }

        if (f.Address is { Length: > 0 } address)
        {
            lines.Add(new("Address", address));
        }

        foreach (var answer in f.Captured.Where(a => a.Value.Length > 0))
        {
            lines.Add(new(Flatten(answer.Question), Flatten(answer.Value)));
        }

        lines.Add(new("Transcript", f.ConversationLink));
        if (f.LeadLink is { } lead)
        {
            lines.Add(new("Lead", lead));
        }

        if (f.RecordingLink is { } recording)
        {
            lines.Add(new("Recording", recording));
        }

        var text = new StringBuilder().AppendLine(headline).AppendLine();
        foreach (var line in lines)
        {
            text.AppendLine($"{line.Label}: {line.Value}");
        }

        return new SummaryText(subject, headline, lines, text.ToString(), Short(f, outcome, who, what));
    }

    /// <summary>The text message: who, priority, what, outcome and the transcript link, within <see cref="MaxShortLength"/>.</summary>
    static string Short(SummaryFacts f, SummaryOutcome outcome, string who, string? what)
    {
        var (head, link) = ShortFrame(f, outcome, who);
        var room = MaxShortLength - head.Length - link.Length - 3;
        var quote = what is null || room < 20 ? "" : $" \"{Cut(what, room)}\"";
        return head + quote + link;
    }

    /// <summary>
    /// The text message with the model's words in place of the caller's quote: the same facts first (who, priority,
    /// length, outcome) and the transcript link last, so the owner can trust the head and the link whatever the model wrote.
    /// </summary>
    public static string Short(SummaryFacts f, string written)
    {
        var (head, link) = ShortFrame(f, OutcomeOf(f), Who(f));
        return head + " " + Cut(Flatten(written), Room(head, link)) + link;
    }

    /// <summary>How many characters the model's words may take in <see cref="Short(SummaryFacts, string)"/>.</summary>
    public static int WrittenRoom(SummaryFacts f)
    {
        var (head, link) = ShortFrame(f, OutcomeOf(f), Who(f));
        return Room(head, link);
    }

    static int Room(string head, string link) => Math.Max(0, MaxShortLength - head.Length - link.Length - 1);

    static (string Head, string Link) ShortFrame(SummaryFacts f, SummaryOutcome outcome, string who)
    {
        var kind = f.Channel == Channel.VOICE ? "Call" : "Chat";
        var priority = f.Priority >= LeadPriority.HIGH ? $" {f.Priority}" : "";
        var number = f.CallerNumber is { Length: > 0 } n && !who.Contains(n, StringComparison.Ordinal) ? $" {n}" : "";
        return ($"{f.BusinessName}{priority} {kind.ToLowerInvariant()}: {who}{number}, {Duration(f.Length)}. {ShortOutcome(outcome)}.", " " + f.ConversationLink);
    }

    static string ShortOutcome(SummaryOutcome outcome) => outcome switch
    {
        SummaryOutcome.LeadTaken => "lead taken",
        SummaryOutcome.PartialLead => "partial lead",
        SummaryOutcome.Voicemail => "voicemail",
        SummaryOutcome.Transferred => "transferred to you",
        SummaryOutcome.AnsweredByOwner => "answered by you",
        SummaryOutcome.HungUpDuringGreeting => "hung up during the greeting",
        SummaryOutcome.HungUp => "hung up, no lead",
        SummaryOutcome.QuestionsAnswered => "questions answered",
        _ => "left, no lead",
    };

    static string Who(SummaryFacts f) =>
        f.CallerName is { Length: > 0 } name ? Flatten(name)
        : f.CallerNumber is { Length: > 0 } number ? number
        : f.Channel == Channel.VOICE ? "Unknown caller" : "Website visitor";

    static string WhoWithNumber(SummaryFacts f)
    {
        var who = Who(f);
        return f.CallerNumber is { Length: > 0 } n && who != n ? $"{who}, {n}"
            : f.CallerNumber is null && f.Channel == Channel.VOICE && f.CallerName is not null ? $"{who} (no caller ID)" : who;
    }

    /// <summary>"Tue Dec 1, 9:05 AM" in the business's zone (UTC when the zone is unknown).</summary>
    public static string Local(DateTimeOffset at, string timeZone)
    {
        var zone = TimeZones.FindOrUtc(timeZone);
        return TimeZoneInfo.ConvertTime(at, zone).ToString("ddd MMM d, h:mm tt", CultureInfo.InvariantCulture);
    }

    static string Cut(string s, int max) => s.Length <= max ? s : s[..Math.Max(0, max - 1)].TrimEnd() + "…";

    // One line each: what a caller typed must not break the layout (or an email header).
    static string Flatten(string s) => string.Join(' ', s.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}

/// <summary>IANA time zones with a safe fallback.</summary>
public static class TimeZones
{
    public static TimeZoneInfo FindOrUtc(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
