using System.Text.Json;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Web.Application.Display;
using LeadsAgent.Web.Application.Emergencies;

namespace LeadsAgent.Web.Application.Leads;

/// <summary>How an entry of the alert timeline went, for its colour and icon.</summary>
public enum TimelineTone
{
    Done,
    Waiting,
    Problem,
    Quiet,
}

/// <summary>One step of what we did about a lead: "Email sent to you", "Alert call: no answer", "Acknowledged by ...".</summary>
public sealed record TimelineEntry(DateTimeOffset At, string What, string State, TimelineTone Tone, string? Problem = null, string? WhatToDo = null);

/// <summary>
/// The lead's alert timeline told truthfully in the owner's words, from its outbox rows: the email, each alert call
/// (and backup call) with what really happened, and who acknowledged the emergency. Errors are explained, never shown
/// as the raw configuration or provider message.
/// </summary>
public static class LeadTimeline
{
    public static IReadOnlyList<TimelineEntry> Build(Lead lead, IReadOnlyList<Notification> notifications)
    {
        var entries = new List<TimelineEntry>();
        foreach (var n in notifications)
        {
            var (to, outcome, escalation) = Read(n.Payload);
            var at = n.SentAt ?? (n.Status == NotificationStatus.PENDING ? n.CreatedAt : n.UpdatedAt);
            if (n.Kind == NotificationKind.OWNER_EMAIL)
            {
                var who = to is null ? "" : $" to {to}";
                entries.Add(n.Status switch
                {
                    NotificationStatus.SENT => new(at, "Email" + who, "Sent", TimelineTone.Done),
                    NotificationStatus.CANCELLED => new(at, "Email" + who, "Not sent (cancelled)", TimelineTone.Quiet),
                    NotificationStatus.FAILED => new(at, "Email" + who, "Could not be sent", TimelineTone.Problem,
                        "We could not deliver the email about this lead.", "Check your email address under Account."),
                    _ when n.Attempts > 0 => new(at, "Email" + who, "Not sent yet, trying again", TimelineTone.Problem,
                        "The first try to send the email did not work.", "Nothing to do: we keep trying."),
                    _ => new(at, "Email" + who, "About to send", TimelineTone.Waiting),
                });
                continue;
            }

            if (n.Kind == NotificationKind.SMS)
            {
                entries.Add(Text(n, at, to));
                continue;
            }

            var what = (escalation ? "Call to your backup number" : "Alert call") + (to is null ? "" : " " + PhoneDisplay.Format(to));
            entries.Add(Call(n, at, what, outcome));
        }

        foreach (var transfer in lead.Transfers)
        {
            entries.Add(Transfer(transfer));
        }

        if (lead.AlertAcknowledgedAt is { } ack)
        {
            entries.Add(new(ack, $"Acknowledged by {lead.AlertAcknowledgedBy ?? "you"}", "Taken", TimelineTone.Done));
        }

        return [.. entries.OrderBy(e => e.At)];
    }

    /// <summary>A warm transfer of the call to the owner's phone, and how it ended.</summary>
    static TimelineEntry Transfer(TransferAttempt t)
    {
        const string What = "Call put through to your phone";
        const string Back = "The caller went back to the agent, who offered a voicemail or a call-back.";
        return t.Outcome switch
        {
            TransferOutcome.CONNECTED => new(t.At, What, "Connected: you took the call", TimelineTone.Done),
            TransferOutcome.DECLINED => new(t.At, What, "Declined", TimelineTone.Quiet, "You answered but did not press 1. " + Back),
            TransferOutcome.BUSY => new(t.At, What, "Your line was busy", TimelineTone.Problem, Back),
            TransferOutcome.FAILED => new(t.At, What, "Could not reach your phone", TimelineTone.Problem, Back,
                "Check your phone for emergency alerts in Account."),
            TransferOutcome.CALLER_HUNG_UP => new(t.At, What, "The caller hung up while your phone rang", TimelineTone.Problem,
                "They did not wait to be put through.", "Call them back on the number above."),
            _ => new(t.At, What, "Not answered", TimelineTone.Problem, "Your phone rang but nobody picked up. " + Back),
        };
    }

    static TimelineEntry Call(Notification n, DateTimeOffset at, string what, string? outcome)
    {
        switch (n.Status)
        {
            case NotificationStatus.CANCELLED:
                return new(at, what, "Not needed: the emergency was taken", TimelineTone.Quiet);
            case NotificationStatus.FAILED:
                {
                    var (problem, todo) = AlertState.Explain(n.LastError);
                    return new(at, what, "Could not call", TimelineTone.Problem, problem, todo);
                }

            case NotificationStatus.PENDING when n.Attempts > 0:
                {
                    var (problem, todo) = AlertState.Explain(n.LastError);
                    return new(at, what, "Call failed, trying again", TimelineTone.Problem, problem, todo);
                }

            case NotificationStatus.PENDING:
                return new(at, what, "Waiting to call", TimelineTone.Waiting);
        }

        if (n.AcknowledgedAt is not null)
        {
            return new(at, what, "Answered and accepted (1 pressed)", TimelineTone.Done);
        }

        return outcome switch
        {
            "in-progress" => new(at, what, "Answered, waiting for 1 to be pressed", TimelineTone.Waiting),
            "completed" => new(at, what, "Answered but not accepted", TimelineTone.Problem, "The call was answered but nobody pressed 1.", null),
            "busy" or "no-answer" or "canceled" => new(at, what, "No answer", TimelineTone.Problem, "Nobody picked up the alert call.", null),
            "failed" => new(at, what, "Could not connect", TimelineTone.Problem, "The phone company could not connect the alert call.",
                "Check your alert phone number in Account."),
            _ => new(at, what, "Calling", TimelineTone.Waiting),
        };
    }

    /// <summary>A text message (issue 18): to the owner or to the caller, and what became of it.</summary>
    static TimelineEntry Text(Notification n, DateTimeOffset at, string? to)
    {
        string? purpose = null;
        try
        {
            using var doc = JsonDocument.Parse(n.Payload);
            purpose = doc.RootElement.TryGetProperty("purpose", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        }
        catch (JsonException)
        {
            // An unreadable payload still shows as a text.
        }

        var toOwner = purpose is "OWNER_LEAD" or "OWNER_EMERGENCY";
        var what = (toOwner ? "Text to you" : "Text to the caller") + (to is null ? "" : " " + PhoneDisplay.Format(to));
        var reason = n.LastError is { } e && e.StartsWith("Not sent: ", StringComparison.Ordinal) ? e["Not sent: ".Length..].TrimEnd('.') : null;
        return n.Status switch
        {
            NotificationStatus.SENT => new(at, what, "Sent", TimelineTone.Done),
            NotificationStatus.CANCELLED => new(at, what, reason is null ? "Not sent" : $"Not sent: {reason}", TimelineTone.Quiet),
            NotificationStatus.FAILED when n.LastError?.Contains("21610", StringComparison.Ordinal) == true =>
                new(at, what, "Not sent: they texted STOP", TimelineTone.Quiet),
            NotificationStatus.FAILED => new(at, what, "Could not be sent", TimelineTone.Problem, "We could not send this text.",
                toOwner ? "Check your notification phone under Account." : null),
            _ when n.LastError?.StartsWith("Waiting for the end of quiet hours", StringComparison.Ordinal) == true =>
                new(at, what, "Waiting for the end of quiet hours", TimelineTone.Waiting),
            _ when n.Attempts > 0 => new(at, what, "Not sent yet, trying again", TimelineTone.Problem, "The first try to send the text did not work.",
                "Nothing to do: we keep trying."),
            _ => new(at, what, "About to send", TimelineTone.Waiting),
        };
    }

    static (string? To, string? Outcome, bool Escalation) Read(string payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            var root = doc.RootElement;
            var to = root.TryGetProperty("to", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var outcome = root.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            var escalation = root.TryGetProperty("escalation", out var e) && e.ValueKind == JsonValueKind.True;
            return (to, outcome, escalation);
        }
        catch (JsonException)
        {
            return (null, null, false);
        }
    }
}
