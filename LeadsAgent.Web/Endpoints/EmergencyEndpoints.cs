using FluentValidation;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Web.Auth;
using LeadsAgent.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LeadsAgent.Web.Endpoints;

public sealed record EmergencyCheckRequest(string? Text);

public sealed class EmergencyCheckRequestValidator : AbstractValidator<EmergencyCheckRequest>
{
    public EmergencyCheckRequestValidator() => RuleFor(x => x.Text).RequiredText(ConversationEngine.MaxMessageLength);
}

public sealed record EmergencyCheckResponse(
    LeadPriority Priority,
    IReadOnlyList<EmergencyReason> Reasons,
    IReadOnlyList<EmergencyReason> Ignored,
    string? SafetyScript,
    Hazard Hazard);

/// <summary>The emergency audit: an owner types a phrase and sees the priority the agent would give it, and why.</summary>
public static class EmergencyEndpoints
{
    public static void MapEmergencyAudit(this RouteGroupBuilder admin) =>
        admin.MapPost("/emergency/check", CheckAsync).Validate<EmergencyCheckRequest>();

    static async Task<Ok<EmergencyCheckResponse>> CheckAsync(EmergencyCheckRequest request, Application.Settings.CheckEmergency check, CancellationToken ct)
    {
        var result = await check.HandleAsync(request.Text!, ct: ct);
        return TypedResults.Ok(new EmergencyCheckResponse(result.Priority, result.Reasons, result.Ignored, result.SafetyScript?.Text,
            result.SafetyScript?.Hazard ?? Hazard.None));
    }
}
