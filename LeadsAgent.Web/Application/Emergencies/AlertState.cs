using System.Text.Json.Nodes;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;

namespace LeadsAgent.Web.Application.Emergencies;

/// <summary>How far the phone alert for an emergency has got, told truthfully and in the owner's words.</summary>
public enum AlertStage
{
    EmailOnly,
    Queued,
    Calling,
    Answered,
    Acknowledged,
    NoAnswer,
    Retrying,
    Failed,
}

/// <summary>The alert's stage, a label, and when something went wrong, why and what to do, in the owner's words.</summary>
public sealed record AlertState(AlertStage Stage, string Label, string? Problem, string? WhatToDo)
{
    public bool IsBad => Stage is AlertStage.NoAnswer or AlertStage.Failed or AlertStage.Retrying;

    /// <summary>
    /// Derived from the lead and its alert-call outbox rows: acknowledged wins; then the newest call's Twilio outcome
    /// (ringing, answered, no answer, busy, failed); a row still waiting after a failed attempt is "retrying"; the last
    /// attempt given up is "failed". Nothing here claims "calling" unless a call was actually placed and not finished.
    /// </summary>
    public static AlertState For(Lead lead, IReadOnlyList<Notification> alertCalls)
    {
        if (lead.AlertAcknowledgedAt is not null)
        {
            return new(AlertStage.Acknowledged, $"Taken by {lead.AlertAcknowledgedBy ?? "you"}", null, null);
        }

        if (alertCalls.Count == 0)
        {
            return new(AlertStage.EmailOnly, "Emailed to you", null, null);
        }

        var placed = alertCalls.Where(n => n.Status == NotificationStatus.SENT).OrderBy(n => n.SentAt ?? n.UpdatedAt).LastOrDefault();
        var waiting = alertCalls.Where(n => n.Status == NotificationStatus.PENDING).OrderBy(n => n.NextAttemptAt).FirstOrDefault();
        var failed = alertCalls.Where(n => n.Status == NotificationStatus.FAILED).OrderBy(n => n.UpdatedAt).LastOrDefault();

        if (waiting is { Attempts: > 0 })
        {
            var (problem, todo) = Explain(waiting.LastError);
            return new(AlertStage.Retrying, "Call failed, trying again", problem, todo);
        }

        if (placed is not null)
        {
            var outcome = JsonNode.Parse(placed.Payload)?["outcome"]?.GetValue<string>();
            var backupNext = waiting is not null ? " We will call your backup number next." : "";
            return outcome switch
            {
                "in-progress" => new(AlertStage.Answered, "Answered, waiting for 1 to be pressed", null, null),
                "completed" => new(AlertStage.Answered, "Answered but not accepted", "The call was answered but nobody pressed 1." + backupNext,
                    "Call the customer back yourself, or press Acknowledge when you have it."),
                "busy" or "no-answer" or "canceled" => new(AlertStage.NoAnswer, "No answer", $"Nobody picked up the alert call.{backupNext}",
                    "Call the customer back yourself, then press Acknowledge."),
                "failed" => new(AlertStage.Failed, "Call failed", "The phone company could not connect the alert call." + backupNext,
                    "Check your alert phone number in Account, and call the customer back yourself."),
                _ => new(AlertStage.Calling, "Calling you now", null, null),
            };
        }

        if (failed is not null)
        {
            var (problem, todo) = Explain(failed.LastError);
            return new(AlertStage.Failed, "Alert call failed", problem, todo);
        }

        return new(AlertStage.Queued, "About to call you", null, null);
    }

    /// <summary>An outbox error as the owner should read it: what went wrong and what to do, never configuration names.</summary>
    public static (string Problem, string WhatToDo) Explain(string? error)
    {
        var e = error ?? "";
        if (e.Contains("TWILIO_", StringComparison.Ordinal) || e.Contains("not configured", StringComparison.OrdinalIgnoreCase)
            || e.Contains("No Twilio number", StringComparison.Ordinal))
        {
            return ("Phone alerts are not set up on this LeadsAgent yet, so we could not ring you.",
                "Call the customer back yourself. Ask your LeadsAgent administrator to finish the phone connection.");
        }

        if (e.Contains("No number to call", StringComparison.Ordinal) || e.Contains("21211", StringComparison.Ordinal)
            || e.Contains("not a valid phone number", StringComparison.OrdinalIgnoreCase))
        {
            return ("Your alert phone number is missing or not a valid number.",
                "Fix it under Account, and call the customer back yourself.");
        }

        return ("The phone company did not accept the alert call.", "Call the customer back yourself; we keep trying to ring you.");
    }
}
