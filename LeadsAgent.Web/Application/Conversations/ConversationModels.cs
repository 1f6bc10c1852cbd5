using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Web.Application.Display;

namespace LeadsAgent.Web.Application.Conversations;

/// <summary>How a conversation ended (or that it is going on), as the owner filters by it.</summary>
public enum Outcome
{
    InProgress,
    LeadCaptured,
    Completed,
    Transferred,
    HungUp,
}

/// <summary>The list's filters: channel, outcome, local days (inclusive) and words to look for.</summary>
public sealed record ConversationFilter(Channel? Channel = null, Outcome? Outcome = null, DateTime? From = null, DateTime? To = null, string? Search = null);

/// <summary>One call or chat in the list, finished or going on now.</summary>
public sealed record ConversationRow(
    string SessionId,
    Channel Channel,
    Outcome Outcome,
    string? CallerName,
    string? FromNumber,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    double? LengthSeconds,
    Guid? LeadId)
{
    public bool Active => Outcome == Outcome.InProgress;

    /// <summary>The name once known, else the number for a call, else "Website visitor".</summary>
    public string Caller => Who(CallerName, FromNumber, Channel);

    public static string Who(string? name, string? number, Channel channel) =>
        !string.IsNullOrWhiteSpace(name) ? name
        : !string.IsNullOrWhiteSpace(number) ? PhoneDisplay.Format(number)
        : channel switch { Domain.Leads.Channel.VOICE => "Unknown caller", Domain.Leads.Channel.SMS => "Unknown texter", _ => "Website visitor" };
}

public sealed record ConversationPage(IReadOnlyList<ConversationRow> Rows, int Total);

/// <summary>A captured detail beside the transcript ("Name", "Jane Doe").</summary>
public sealed record CapturedDetail(string Label, string Value, string? Href = null);

/// <summary>Everything the conversation page shows, for a live session or a finished conversation.</summary>
public sealed record ConversationView(
    ConversationRow Summary,
    IReadOnlyList<SessionMessage> Transcript,
    IReadOnlyList<CapturedDetail> Details,
    LeadPriority Priority,
    bool Emergency,
    string? Step)
{
    public bool Active => Summary.Active;
}

public static class Outcomes
{
    public static Outcome Of(ConversationStatus status, bool leadCaptured) => status switch
    {
        ConversationStatus.ACTIVE => Outcome.InProgress,
        ConversationStatus.TRANSFERRED => Outcome.Transferred,
        _ when leadCaptured => Outcome.LeadCaptured,
        ConversationStatus.COMPLETED => Outcome.Completed,
        _ => Outcome.HungUp,
    };

    /// <summary>In the owner's words ("Hung up" for a call, "Left" for a chat).</summary>
    public static string Words(Outcome outcome, Channel channel) => outcome switch
    {
        Outcome.InProgress => "In progress",
        Outcome.LeadCaptured => "Lead captured",
        Outcome.Completed => "Completed",
        Outcome.Transferred => "Transferred to you",
        _ => channel == Channel.VOICE ? "Hung up" : channel == Channel.SMS ? "Stopped replying" : "Left",
    };

    public static string FilterWords(Outcome outcome) => outcome == Outcome.HungUp ? "Hung up / left" : Words(outcome, Channel.CHAT);
}
