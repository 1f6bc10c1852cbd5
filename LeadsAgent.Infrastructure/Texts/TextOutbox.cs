using System.Text.Json;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Engine;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Domain.Texts;

namespace LeadsAgent.Infrastructure.Texts;

/// <summary>
/// The text messages a lead or a missed call produces, as outbox rows (<see cref="NotificationKind.SMS"/>, payload
/// <c>{"to","body","purpose","urgent"}</c>): written in the lead's transaction, sent by <see cref="TextMessageHandler"/>,
/// which checks opt-outs, the settings, the plan and quiet hours again at send time.
/// </summary>
public static class TextOutbox
{
    /// <summary>The owner's text and the caller's confirmation for a new lead, as the settings and plan allow.</summary>
    public static IEnumerable<Notification> ForLead(Business business, TextSettings texts, PlanTier plan, Lead lead, bool partial, string? language,
        string? callerNumber, string leadLink, DateTimeOffset now)
    {
        var urgent = lead.Priority == LeadPriority.URGENT;
        var owner = PhoneNumbers.Normalize(business.NotificationPhoneNumber);
        // Every emergency (all plans); every complete lead on plans with owner texts. A partial lead (the caller hung up)
        // still reaches the owner by email.
        if (texts.OwnerTexts && owner is not null && (urgent || !partial && PlanRules.Allows(plan, PlanFeature.OwnerTexts)))
        {
            yield return Row(business.Id, lead.Id, owner, OwnerBody(business.Name, lead, leadLink),
                urgent ? TextPurpose.OwnerEmergency : TextPurpose.OwnerLead, urgent: true, now);
        }

        // Only to someone who phoned or texted, from the number they used: a website visitor who typed a number never
        // agreed to texts, and nobody can tell from the widget whether it is a mobile.
        var caller = PhoneNumbers.Normalize(callerNumber) ?? (lead.Channel == Channel.SMS ? PhoneNumbers.Normalize(lead.ContactPhone) : null);
        if (texts.CallerConfirmation && !partial && lead.Channel is Channel.VOICE or Channel.SMS && caller is not null && caller != owner)
        {
            yield return Row(business.Id, lead.Id, caller, CallerConfirmation(business.Name, lead.ContactName, lead.Notes, language),
                TextPurpose.CallerConfirmation, urgent: urgent, now);
        }
    }

    /// <summary>The one text a caller who hung up without a request gets, a little later (a voicemail may still arrive).</summary>
    public static Notification MissedCall(Guid businessId, string to, string callSid, string? language, string businessName, DateTimeOffset now, TimeSpan delay)
    {
        var row = Row(businessId, null, to, AgentPhrases.Say(AgentPhrase.SmsMissedCall, language, ("business", businessName)), TextPurpose.MissedCall, urgent: false, now,
            new Dictionary<string, object> { ["callSid"] = callSid });
        row.NextAttemptAt = now + delay;
        return row;
    }

    public static string OwnerBody(string businessName, Lead lead, string leadLink)
    {
        var who = lead.ContactName ?? "Someone";
        var what = Short(lead.Notes?.Replace(LeadDraft.PartialNote, "", StringComparison.Ordinal), 90);
        var where = lead.Address is { } a ? " at " + Short(a, 70) : "";
        var call = lead.ContactPhone is { } p ? $" Call {p}." : "";
        var head = lead.Priority == LeadPriority.URGENT ? $"EMERGENCY for {businessName}" : $"New lead for {businessName}";
        var body = $"{head}: {who}{(what is null ? "" : " - " + what)}{where}.{call} {leadLink}";
        return SmsText.Tidy(body);
    }

    public static string CallerConfirmation(string businessName, string? name, string? notes, string? language)
    {
        var first = name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var issue = Short(notes?.StartsWith(LeadDraft.PartialNote, StringComparison.Ordinal) == true ? null : notes, 60);
        var text = issue is null
            ? AgentPhrases.Say(AgentPhrase.SmsConfirmationNoIssue, language, ("name", first), ("business", businessName))
            : AgentPhrases.Say(AgentPhrase.SmsConfirmation, language, ("name", first), ("business", businessName), ("issue", "\"" + issue.TrimEnd('.', '!', '?') + "\""));
        return SmsText.Tidy(text);
    }

    static Notification Row(Guid businessId, Guid? leadId, string to, string body, string purpose, bool urgent, DateTimeOffset now,
        Dictionary<string, object>? extra = null)
    {
        var payload = new Dictionary<string, object> { ["to"] = to, ["body"] = body, ["purpose"] = purpose, ["urgent"] = urgent };
        foreach (var (k, v) in extra ?? [])
        {
            payload[k] = v;
        }

        return new Notification
        {
            BusinessId = businessId,
            LeadId = leadId,
            Kind = NotificationKind.SMS,
            Payload = JsonSerializer.Serialize(payload),
            NextAttemptAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>The first sentence, at most <paramref name="max"/> characters, cut at a word.</summary>
    static string? Short(string? s, int max)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        s = s.ReplaceLineEndings(" ").Trim();
        if (s.Length <= max)
        {
            return s;
        }

        var cut = s.LastIndexOf(' ', max);
        return (cut > max / 2 ? s[..cut] : s[..max]).TrimEnd(',', ';', ' ') + "...";
    }
}
