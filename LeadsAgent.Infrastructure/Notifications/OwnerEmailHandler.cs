using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Email;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Notifications;

/// <summary>
/// The owner's email about a new lead: details, captured answers, transcript and a link to the lead, as plain text and
/// HTML with every visitor-supplied value encoded. URGENT leads are marked in the subject on every plan; HIGH ones and
/// the high-importance flag are the priority emails of BASIC and PRO.
/// </summary>
public sealed class OwnerEmailHandler(IServiceScopeFactory scopes, IEmailSender email, IOptions<ServerOptions> server, IOptions<FeatureOptions> features)
    : IOutboxHandler
{
    public NotificationKind Kind => NotificationKind.OWNER_EMAIL;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(item.BusinessId);
        var lead = await db.Leads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == item.LeadId, ct)
            ?? throw new OutboxRetryException("The lead no longer exists.", retry: false);
        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == item.BusinessId, ct);
        var to = JsonNode.Parse(item.Payload)?["to"]?.GetValue<string>() ?? business.NotificationEmail
            ?? throw new OutboxRetryException("The business has no notification email.", retry: false);
        var plan = features.Value.EnablePlanTiers ? business.PlanTier : PlanTier.PRO;
        await email.SendAsync(Compose(to, business.Name, lead, plan, server.Value), ct);
        return OutboxOutcome.Sent;
    }

    public static EmailMessage Compose(string to, string businessName, Lead lead, PlanTier plan, ServerOptions server)
    {
        var priorityEmails = PlanRules.Allows(plan, PlanFeature.PriorityEmail);
        var marker = lead.Priority == LeadPriority.URGENT ? "[URGENT] "
            : lead.Priority == LeadPriority.HIGH && priorityEmails ? "[HIGH] " : "";
        var who = lead.ContactName ?? lead.ContactPhone ?? "a visitor";
        var channel = lead.Channel switch { Channel.VOICE => "phone call", Channel.SMS => "text messages", _ => "website chat" };
        var subject = Flatten($"{marker}New lead for {businessName}: {who} ({channel})");
        var link = $"{(server.PublicBaseUrl ?? $"http://{server.ListenAddress}:{server.Port}").TrimEnd('/')}/leads/{lead.Id}";

        var fields = new List<(string Label, string? Value)>
        {
            ("Priority", lead.Priority.ToString()),
            ("Name", lead.ContactName),
            ("Phone", lead.ContactPhone),
            ("Email", lead.ContactEmail),
            ("Address", lead.Address),
            ("Notes", lead.Notes),
        };
        if (lead.EmergencyReasons.Count > 0)
        {
            fields.Add(("Why urgent", string.Join("; ", lead.EmergencyReasons.Select(r => $"{r.Rule}: \"{r.Phrase}\""))));
        }

        var text = new StringBuilder()
            .AppendLine($"New lead from your {channel} receptionist.").AppendLine();
        foreach (var (label, value) in fields.Where(f => f.Value is not null))
        {
            text.AppendLine($"{label}: {value}");
        }

        text.AppendLine().AppendLine("Answers:");
        foreach (var answer in lead.CapturedData.Values)
        {
            text.AppendLine($"- {answer.Question} {answer.Value}");
        }

        text.AppendLine().AppendLine("Transcript:").AppendLine(lead.ConversationTranscript).AppendLine().AppendLine($"Open the lead: {link}");

        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder()
            .Append("<!doctype html><html><body style=\"font-family:Arial,sans-serif;color:#1f2937\">")
            .Append(lead.Priority == LeadPriority.URGENT ? "<p style=\"background:#b91c1c;color:#fff;padding:8px 12px;font-weight:bold\">URGENT: call this customer now</p>" : "")
            .Append($"<h1 style=\"font-size:20px\">New lead for {E(businessName)}</h1><table cellpadding=\"4\">");
        foreach (var (label, value) in fields.Where(f => f.Value is not null))
        {
            html.Append($"<tr><th align=\"left\">{E(label)}</th><td>{E(value)}</td></tr>");
        }

        html.Append("</table><h2 style=\"font-size:16px\">Answers</h2><ul>");
        foreach (var answer in lead.CapturedData.Values)
        {
            html.Append($"<li><strong>{E(answer.Question)}</strong> {E(answer.Value)}</li>");
        }

        html.Append("</ul><h2 style=\"font-size:16px\">Transcript</h2><pre style=\"white-space:pre-wrap\">").Append(E(lead.ConversationTranscript)).Append("</pre>")
            .Append($"<p><a href=\"{E(link)}\">Open the lead in your dashboard</a></p></body></html>");
        return new EmailMessage(to, subject, text.ToString(), html.ToString(), priorityEmails && lead.Priority >= LeadPriority.HIGH);
    }

    // A subject is one line: newlines a visitor typed must not become extra mail headers.
    static string Flatten(string s) => string.Join(' ', s.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
