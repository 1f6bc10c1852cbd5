using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Domain.Conversations;

/// <summary>The design documents' session analytics, computed from a session.</summary>
public sealed record SessionAnalytics(
    string SessionId,
    Channel Channel,
    int ConversationLength,
    IReadOnlyList<string> UniqueIntents,
    IntentScore? MostConfidentIntent,
    int ExtractedEntityCount,
    IReadOnlyList<string> FlowProgression,
    double DurationSeconds,
    bool EmergencyDetected,
    bool LeadCaptured,
    LeadPriority Priority,
    ConversationStatus CompletionStatus,
    IReadOnlyList<string> VoiceActions,
    double? AverageTurnMs)
{
    public static SessionAnalytics From(ConversationSession s, DateTimeOffset now)
    {
        var best = s.IdentifiedIntents.OrderByDescending(i => i.Confidence).FirstOrDefault();
        return new SessionAnalytics(
            s.SessionId,
            s.Channel,
            s.History.Count,
            [.. s.IdentifiedIntents.Select(i => i.Intent).Distinct()],
            best is null ? null : new IntentScore(best.Intent, best.Confidence),
            s.ExtractedEntities.Count,
            s.DetailedFlow.CompletedSteps,
            Duration(s, now),
            s.EmergencyDetected,
            s.LeadCaptured,
            s.Priority,
            s.Status == ConversationStatus.ACTIVE ? (s.LeadCaptured ? ConversationStatus.COMPLETED : ConversationStatus.ABANDONED) : s.Status,
            s.VoiceActions,
            s.Timings.Count == 0 ? null : Math.Round(s.Timings.Average(t => t.WebhookMs), 2));
    }

    /// <summary>A phone call's length as Twilio measured it (its CallDuration) when known, else start to end of the session.</summary>
    static double Duration(ConversationSession s, DateTimeOffset now) =>
        s.Metadata.TryGetValue("callDuration", out var text) && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? seconds
            : Math.Round(((s.EndedAt ?? now) - s.StartedAt).TotalSeconds, 1);
}
