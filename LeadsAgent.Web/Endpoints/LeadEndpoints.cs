using FluentValidation;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Endpoints;

public sealed record LeadDto(
    Guid Id,
    LeadPriority Priority,
    LeadStatus Status,
    Channel Channel,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    string? Address,
    IReadOnlyDictionary<string, CapturedAnswer> CapturedData,
    IReadOnlyList<EmergencyReason> EmergencyReasons,
    DateTimeOffset CreatedAt)
{
    public static LeadDto From(Lead l) => new(l.Id, l.Priority, l.Status, l.Channel, l.ContactName, l.ContactPhone, l.ContactEmail,
        l.Address, l.CapturedData, l.EmergencyReasons, l.CreatedAt);
}

public sealed record NotificationDto(Guid Id, NotificationKind Kind, NotificationStatus Status, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? AcknowledgedAt, string? Target, string? Outcome, bool Escalation)
{
    /// <summary>The timeline entry: who was contacted (masked) and what the call or email came to.</summary>
    public static NotificationDto From(Notification n)
    {
        string? target = null, outcome = null;
        var escalation = false;
        try
        {
            using var payload = System.Text.Json.JsonDocument.Parse(n.Payload);
            var root = payload.RootElement;
            target = root.TryGetProperty("to", out var to) && to.ValueKind == System.Text.Json.JsonValueKind.String
                ? (n.Kind == NotificationKind.OWNER_EMAIL ? Pii.MaskEmail(to.GetString()) : Pii.MaskPhone(to.GetString())) : null;
            outcome = root.TryGetProperty("outcome", out var o) ? o.GetString() : null;
            escalation = root.TryGetProperty("escalation", out var e) && e.ValueKind == System.Text.Json.JsonValueKind.True;
        }
        catch (System.Text.Json.JsonException)
        {
            // A payload we cannot read still shows its status.
        }

        return new NotificationDto(n.Id, n.Kind, n.Status, n.Attempts, n.LastError, n.CreatedAt, n.SentAt, n.AcknowledgedAt, target, outcome, escalation);
    }
}

public sealed record LeadDetailDto(
    LeadDto Lead,
    string? Notes,
    string? SessionId,
    string ConversationTranscript,
    string? RecordingUrl,
    DateTimeOffset? AlertAcknowledgedAt,
    IReadOnlyList<NotificationDto> Notifications,
    DateTimeOffset UpdatedAt);

public sealed record UpdateLeadRequest(LeadStatus? Status, string? Notes);

public sealed class UpdateLeadRequestValidator : AbstractValidator<UpdateLeadRequest>
{
    public UpdateLeadRequestValidator() => RuleFor(x => x.Notes).MaximumLength(4000);
}

/// <summary>The owner's leads: newest first, filterable, each with its transcript and notification timeline.</summary>
public static class LeadEndpoints
{
    public static void MapLeads(this RouteGroupBuilder admin)
    {
        var leads = admin.MapGroup("/leads");
        leads.MapGet("/", ListAsync);
        leads.MapGet("/{id:guid}", GetAsync);
        leads.MapPatch("/{id:guid}", UpdateAsync).Validate<UpdateLeadRequest>();
    }

    static async Task<Ok<List<LeadDto>>> ListAsync(LeadsDbContext db, string? status, string? priority, string? channel,
        string? from, string? to, CancellationToken ct)
    {
        var query = db.Leads.AsNoTracking();
        if (ParseEnum<LeadStatus>(status, "status") is { } s)
        {
            query = query.Where(l => l.Status == s);
        }

        if (ParseEnum<LeadPriority>(priority, "priority") is { } p)
        {
            query = query.Where(l => l.Priority == p);
        }

        if (ParseEnum<Channel>(channel, "channel") is { } c)
        {
            query = query.Where(l => l.Channel == c);
        }

        if (ParseDate(from, "from") is { } f)
        {
            query = query.Where(l => l.CreatedAt >= f);
        }

        if (ParseDate(to, "to") is { } t)
        {
            query = query.Where(l => l.CreatedAt <= t);
        }

        var found = await query.OrderByDescending(l => l.CreatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(found.Select(LeadDto.From).ToList());
    }

    static async Task<Ok<LeadDetailDto>> GetAsync(Guid id, LeadsDbContext db, CancellationToken ct)
    {
        var lead = await db.Leads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("Lead");
        return TypedResults.Ok(await DetailAsync(lead, db, ct));
    }

    static async Task<Ok<LeadDetailDto>> UpdateAsync(Guid id, UpdateLeadRequest request, LeadsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("Lead");
        var now = clock.GetUtcNow();
        if (request.Status is { } status)
        {
            lead.ChangeStatus(status, now);
        }

        if (request.Notes is not null)
        {
            lead.Notes = Clean.Text(request.Notes);
            lead.UpdatedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DetailAsync(lead, db, ct));
    }

    static async Task<LeadDetailDto> DetailAsync(Lead lead, LeadsDbContext db, CancellationToken ct)
    {
        var notifications = (await db.Notifications.AsNoTracking().Where(n => n.LeadId == lead.Id).OrderBy(n => n.CreatedAt).ToListAsync(ct))
            .Select(NotificationDto.From).ToList();
        return new LeadDetailDto(LeadDto.From(lead), lead.Notes, lead.SessionId, lead.ConversationTranscript, lead.RecordingUrl,
            lead.AlertAcknowledgedAt, notifications, lead.UpdatedAt);
    }

    static T? ParseEnum<T>(string? value, string field) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw new DomainException($"'{field}' must be one of {string.Join(", ", Enum.GetNames<T>())}.", field);
    }

    static DateTimeOffset? ParseDate(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : throw new DomainException($"'{field}' must be a date such as 2026-11-21 or 2026-11-21T09:00:00Z.", field);
    }
}
