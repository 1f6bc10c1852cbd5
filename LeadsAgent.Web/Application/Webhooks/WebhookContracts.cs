using FluentValidation;
using LeadsAgent.Domain.Webhooks;
using LeadsAgent.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Application.Webhooks;

/// <summary>An endpoint as the owner gives it: the address, the events it wants, and (on a change) whether it is on.</summary>
public sealed record WebhookRequest(string? Url, IReadOnlyList<string>? Events, bool? Enabled = null);

/// <summary>The same checks for the API and the page's form, while typing: the address's form and the event names.</summary>
public sealed class WebhookRequestValidator : AbstractValidator<WebhookRequest>
{
    public WebhookRequestValidator(IOptions<WebhookOptions> options)
    {
        RuleFor(x => x.Url).Custom((url, context) =>
        {
            if (WebhookUrl.Problem(url, options.Value.AllowLoopbackTargets) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
        RuleFor(x => x.Events).Must(e => e is { Count: > 0 }).WithMessage("Choose at least one event to send.");
        RuleForEach(x => x.Events).Must(e => e is not null && WebhookEvents.IsKnown(e))
            .WithMessage((_, e) => $"\"{e}\" is not an event; choose from {string.Join(", ", WebhookEvents.All)}.");
    }
}

/// <summary>An endpoint as the API and the page show it; <see cref="Secret"/> is set only when it was just made or rolled.</summary>
public sealed record WebhookEndpointDto(Guid Id, string Url, IReadOnlyList<string> Events, bool Enabled, DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt, string? DisabledReason, int ConsecutiveFailures, string? Secret = null)
{
    public static WebhookEndpointDto From(WebhookEndpoint e, string? secret = null) =>
        new(e.Id, e.Url, e.Events, e.Enabled, e.CreatedAt, e.DisabledAt, e.DisabledReason, e.ConsecutiveFailures, secret);
}

/// <summary>One delivery in the log: never its body's secret (it has none) and never the signing secret.</summary>
public sealed record WebhookDeliveryDto(Guid Id, string EventId, string EventType, WebhookDeliveryStatus Status, int Attempts, int? LastStatusCode,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? LastAttemptAt)
{
    public static WebhookDeliveryDto From(WebhookDelivery d) =>
        new(d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.CreatedAt, d.SentAt, d.LastAttemptAt);
}

/// <summary>What "Send test event" came to, with a sentence for the owner.</summary>
public sealed record WebhookTestResult(bool Delivered, int? StatusCode, string Message, WebhookDeliveryDto Delivery);

/// <summary>The dashboard's words for the events.</summary>
public static class WebhookWords
{
    public static string Event(string type) => type switch
    {
        WebhookEvents.LeadCreated => "New lead",
        WebhookEvents.LeadUpdated => "Lead changed",
        WebhookEvents.CallCompleted => "Call ended",
        WebhookEvents.EmergencyDetected => "Emergency",
        WebhookEvents.Test => "Test event",
        _ => type,
    };

    public static string EventHelp(string type) => type switch
    {
        WebhookEvents.LeadCreated => "Every new lead from chat or phone, with the caller's details and answers.",
        WebhookEvents.LeadUpdated => "When you change a lead's status or notes, or a caller who hung up finishes their request by text.",
        WebhookEvents.CallCompleted => "When a phone call ends: who called, how long, and what came of it.",
        WebhookEvents.EmergencyDetected => "When the agent flags a lead as an emergency.",
        _ => "",
    };
}
