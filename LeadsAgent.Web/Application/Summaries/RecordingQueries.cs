using LeadsAgent.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Application.Summaries;

/// <summary>A recorded call the dashboard can play: where the player streams it from and how long it is.</summary>
public sealed record RecordingInfo(string SessionId, int? Seconds)
{
    /// <summary>The owner-only endpoint that streams the audio from Twilio.</summary>
    public string AudioUrl => $"/api/admin/conversations/{Uri.EscapeDataString(SessionId)}/recording";
}

/// <summary>The signed-in owner's call recordings (tenant-filtered): by conversation, or the recorded call behind a lead.</summary>
public sealed class RecordingQueries(IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<RecordingInfo?> ForConversationAsync(string sessionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Conversations.AsNoTracking().Where(c => c.SessionId == sessionId && c.RecordingSid != null)
            .Select(c => new RecordingInfo(c.SessionId, c.RecordingSeconds)).SingleOrDefaultAsync(ct);
    }

    public async Task<RecordingInfo?> ForLeadAsync(Guid leadId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Conversations.AsNoTracking().Where(c => c.LeadId == leadId && c.RecordingSid != null)
            .OrderByDescending(c => c.StartedAt).Select(c => new RecordingInfo(c.SessionId, c.RecordingSeconds)).FirstOrDefaultAsync(ct);
    }
}
