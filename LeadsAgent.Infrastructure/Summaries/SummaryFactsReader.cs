using System.Text.Json;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Infrastructure.Summaries;

/// <summary>Reads what a summary says from the stored conversation and its lead.</summary>
public static class SummaryFactsReader
{
    public sealed record Loaded(Business Business, Conversation Conversation, Lead? Lead, SummaryFacts Facts);

    /// <summary>The conversation by its row id (the CALL_SUMMARY payload), within the business's tenant; null when gone.</summary>
    public static async Task<Loaded?> LoadAsync(LeadsDbContext db, Guid businessId, Guid conversationId, string? language, bool answeredByOwner,
        ServerOptions server, CancellationToken ct)
    {
        var business = await db.Businesses.AsNoTracking().SingleOrDefaultAsync(b => b.Id == businessId, ct);
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, ct);
        if (business is null || conversation is null)
        {
            return null;
        }

        var lead = conversation.LeadId is { } leadId ? await db.Leads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == leadId, ct) : null;
        return new Loaded(business, conversation, lead, Facts(business, conversation, lead, language, answeredByOwner, server));
    }

    /// <summary>The conversation as the model reads it: one line per message, "Caller:" or "Agent:".</summary>
    public static string Transcript(Conversation c) =>
        string.Join("\n", c.Messages.Select(m => $"{(m.Role == "user" ? "Caller" : "Agent")}: {m.Content}"));

    public static SummaryFacts Facts(Business business, Conversation c, Lead? lead, string? language, bool answeredByOwner, ServerOptions server)
    {
        var priority = lead?.Priority ?? PriorityOf(c.Analytics);
        return new SummaryFacts
        {
            BusinessName = business.Name,
            Channel = c.Channel,
            Status = c.Status,
            CallerName = lead?.ContactName,
            CallerNumber = lead?.ContactPhone ?? c.FromNumber,
            CallerEmail = lead?.ContactEmail,
            Address = lead?.Address,
            Priority = priority,
            Captured = lead is null ? [] : [.. lead.CapturedData.Values],
            EmergencyReasons = lead is null ? [] : [.. lead.EmergencyReasons.Select(r => $"{r.Rule}: \"{r.Phrase}\"")],
            CallerMessages = [.. c.Messages.Where(m => m.Role == "user").Select(m => m.Content)],
            HasLead = lead is not null,
            PartialLead = lead is not null && IsPartial(lead),
            Voicemail = lead?.RecordingUrl is not null,
            AnsweredByOwner = answeredByOwner,
            Length = TimeSpan.FromSeconds(DurationOf(c)),
            StartedAt = c.StartedAt,
            TimeZone = business.TimeZone,
            Language = language,
            ConversationLink = SummaryLinks.Conversation(server, c.SessionId),
            LeadLink = lead is null ? null : SummaryLinks.Lead(server, lead.Id),
            RecordingLink = c.RecordingUrl is null ? null : SummaryLinks.Recording(server, c.SessionId),
        };
    }

    // A partial lead's notes open with this marker (LeadDraft.ToLead).
    static bool IsPartial(Lead lead) => LeadDraft.IsPartial(lead);

    static double DurationOf(Conversation c)
    {
        try
        {
            using var doc = JsonDocument.Parse(c.Analytics);
            if (doc.RootElement.TryGetProperty("durationSeconds", out var d) && d.TryGetDouble(out var seconds))
            {
                return seconds;
            }
        }
        catch (JsonException)
        {
        }

        return ((c.EndedAt ?? c.StartedAt) - c.StartedAt).TotalSeconds;
    }

    static LeadPriority PriorityOf(string analytics)
    {
        try
        {
            using var doc = JsonDocument.Parse(analytics);
            return doc.RootElement.TryGetProperty("priority", out var p) && p.ValueKind == JsonValueKind.String && Enum.TryParse<LeadPriority>(p.GetString(), out var v)
                ? v : LeadPriority.LOW;
        }
        catch (JsonException)
        {
            return LeadPriority.LOW;
        }
    }
}
