using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Sessions;
using LeadsAgent.Web.Application.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadsAgent.Web.Endpoints;

public sealed record SessionSummaryDto(
    string SessionId,
    Channel Channel,
    ConversationStatus Status,
    LeadPriority Priority,
    bool Emergency,
    string Step,
    int Messages,
    string? LastMessage,
    string? Caller,
    DateTimeOffset StartedAt,
    DateTimeOffset LastActivityAt,
    double DurationSeconds,
    Guid? LeadId,
    string? CallerName = null);

public sealed record SessionListDto(IReadOnlyList<SessionSummaryDto> Sessions, SessionStoreHealth Store);

public sealed record SessionDetailDto(SessionSummaryDto Summary, IReadOnlyList<SessionMessage> Transcript, SessionAnalytics Analytics);

/// <summary>The owner's live sessions (from the session store) and any session's transcript and analytics.</summary>
public static class SessionEndpoints
{
    public static void MapSessions(this RouteGroupBuilder admin)
    {
        admin.MapGet("/sessions", ListAsync);
        admin.MapGet("/sessions/{id}", GetAsync);
    }

    static async Task<Ok<SessionListDto>> ListAsync(LiveSessionQueries live, TimeProvider clock, CancellationToken ct)
    {
        var sessions = await live.ActiveSessionsAsync(ct);
        return TypedResults.Ok(new SessionListDto([.. sessions.Select(s => Summary(s, clock.GetUtcNow()))], live.Health));
    }

    static async Task<Ok<SessionDetailDto>> GetAsync(string id, LiveSessionQueries live, ConversationQueries conversations, TimeProvider clock, CancellationToken ct)
    {
        if (await live.FindAsync(id, ct) is { } session)
        {
            return TypedResults.Ok(new SessionDetailDto(Summary(session, clock.GetUtcNow()), session.History, SessionAnalytics.From(session, clock.GetUtcNow())));
        }

        // Ended and expired from the store: the persisted conversation (the tenant filter keeps it to this business).
        var stored = await conversations.FindStoredAsync(id, ct) ?? throw new NotFoundException("Session");
        var analytics = ConversationQueries.Analytics(stored.Analytics)!;
        var transcript = stored.Messages.Select(m => new SessionMessage(m.Role, m.Content, m.Timestamp, m.Intent, m.Confidence)).ToList();
        var summary = new SessionSummaryDto(stored.SessionId, stored.Channel, stored.Status, analytics.Priority, analytics.EmergencyDetected, "ended",
            transcript.Count, transcript.LastOrDefault()?.Content, Pii.MaskPhone(stored.FromNumber), stored.StartedAt, stored.EndedAt ?? stored.StartedAt,
            analytics.DurationSeconds, stored.LeadId);
        return TypedResults.Ok(new SessionDetailDto(summary, transcript, analytics));
    }

    public static SessionSummaryDto Summary(ConversationSession s, DateTimeOffset now) => new(
        s.SessionId, s.Channel, s.Status, s.Priority, s.EmergencyDetected, s.DetailedFlow.SubFlow is { } sub && sub.StartsWith("asking:", StringComparison.Ordinal) ? "lead_capture" : s.DetailedFlow.SubFlow ?? s.DetailedFlow.PrimaryFlow,
        s.History.Count, s.History.LastOrDefault()?.Content, s.Metadata.GetValueOrDefault("from") is { } from ? Pii.MaskPhone(from) : null,
        s.StartedAt, s.LastActivityAt, Math.Round(((s.EndedAt ?? now) - s.StartedAt).TotalSeconds, 1), s.LeadId, s.CallerName);
}
