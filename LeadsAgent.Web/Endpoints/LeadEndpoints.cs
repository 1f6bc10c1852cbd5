using FluentValidation;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Web.Application.Leads;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

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
    DateTimeOffset UpdatedAt,
    IReadOnlyList<LeadsAgent.Domain.Conversations.TransferAttempt> Transfers);

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

    static async Task<Ok<List<LeadDto>>> ListAsync(LeadQueries leads, string? status, string? priority, string? channel,
        string? from, string? to, string? search, CancellationToken ct)
    {
        // The API takes instants ("to" included); the dashboard's local days go through LeadFilter to the same query.
        var criteria = new LeadCriteria(ParseEnum<LeadStatus>(status, "status"), ParseEnum<LeadPriority>(priority, "priority"),
            ParseEnum<Channel>(channel, "channel"), ParseDate(from, "from"), Through(ParseDate(to, "to")), search is { Length: > 200 } ? throw new DomainException("'search' may be at most 200 characters.", "search") : search);
        var found = await leads.ListAsync(criteria, 500, ct);
        return TypedResults.Ok(found.Select(LeadDto.From).ToList());
    }

    static async Task<Ok<LeadDetailDto>> GetAsync(Guid id, LeadQueries leads, CancellationToken ct)
    {
        var found = await leads.FindAsync(id, ct) ?? throw new NotFoundException("Lead");
        return TypedResults.Ok(Detail(found));
    }

    static async Task<Ok<LeadDetailDto>> UpdateAsync(Guid id, UpdateLeadRequest request, UpdateLead update, LeadQueries leads, CancellationToken ct)
    {
        await update.HandleAsync(id, request.Status, request.Notes, ct);
        var found = await leads.FindAsync(id, ct) ?? throw new NotFoundException("Lead");
        return TypedResults.Ok(Detail(found));
    }

    static LeadDetailDto Detail(LeadWithNotifications found)
    {
        var lead = found.Lead;
        return new LeadDetailDto(LeadDto.From(lead), lead.Notes, lead.SessionId, lead.ConversationTranscript, lead.RecordingUrl,
            lead.AlertAcknowledgedAt, [.. found.Notifications.Select(NotificationDto.From)], lead.UpdatedAt, lead.Transfers);
    }

    /// <summary>Just after the instant, so "to" includes it (PostgreSQL keeps microseconds).</summary>
    static DateTimeOffset? Through(DateTimeOffset? to) => to is { } t && t < DateTimeOffset.MaxValue.AddTicks(-10) ? t.AddTicks(10) : null;

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
