using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Email;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Summaries;

/// <summary>Sends the morning digest (DAILY_DIGEST, payload: the local day): the day's leads by priority, URGENT first, with links.</summary>
public sealed class DailyDigestHandler(IServiceScopeFactory scopes, IEmailSender email, IOptions<ServerOptions> server) : IOutboxHandler
{
    public NotificationKind Kind => NotificationKind.DAILY_DIGEST;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(JsonNode.Parse(item.Payload)?["day"]?.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new OutboxRetryException("The digest names no day.", retry: false);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(item.BusinessId);
        var business = await db.Businesses.AsNoTracking().SingleOrDefaultAsync(b => b.Id == item.BusinessId, ct)
            ?? throw new OutboxRetryException("The business no longer exists.", retry: false);
        var to = business.NotificationEmail ?? throw new OutboxRetryException("The business has no notification email.", retry: false);
        var zone = TimeZones.FindOrUtc(business.TimeZone);
        var (start, end) = DailyDigest.Bounds(day, zone);
        var leads = await db.Leads.AsNoTracking().Where(l => l.CreatedAt >= start && l.CreatedAt < end)
            .Select(l => new DigestLead(l.Id, l.Priority, l.ContactName, l.ContactPhone, l.Channel, l.Notes, l.CreatedAt)).ToListAsync(ct);
        var baseUrl = SummaryLinks.Base(server.Value);
        var digest = DailyDigest.Compose(business.Name, day, leads, baseUrl, zone);
        await email.SendAsync(new EmailMessage(to, digest.Subject, digest.Text, Html(digest, day, baseUrl, zone), false), ct);
        return OutboxOutcome.Sent;
    }

    static string Html(DigestText digest, DateOnly day, string baseUrl, TimeZoneInfo zone)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder("<!doctype html><html><body style=\"font-family:Arial,sans-serif;color:#1f2937\">")
            .Append($"<h1 style=\"font-size:20px\">Your leads for {E(day.ToString("dddd, MMMM d", CultureInfo.InvariantCulture))}</h1>");
        if (digest.Groups.Count == 0)
        {
            html.Append("<p>No new leads came in yesterday.</p>");
        }

        foreach (var (priority, leads) in digest.Groups)
        {
            var colour = priority == LeadPriority.URGENT ? "#b91c1c" : priority == LeadPriority.HIGH ? "#c2410c" : "#1f2937";
            html.Append($"<h2 style=\"font-size:16px;color:{colour}\">{priority} ({leads.Count})</h2><ul>");
            foreach (var l in leads)
            {
                var time = TimeZoneInfo.ConvertTime(l.CreatedAt, zone).ToString("h:mm tt", CultureInfo.InvariantCulture);
                var who = l.Name ?? l.Phone ?? (l.Channel == Channel.VOICE ? "Unknown caller" : "Website visitor");
                html.Append($"<li>{E(time)} <a href=\"{E($"{baseUrl}/leads/{l.Id}")}\">{E(who)}</a> ({(l.Channel == Channel.VOICE ? "call" : "chat")})")
                    .Append(l.What is { Length: > 0 } w ? $": {E(w.Length > 120 ? w[..119] + "…" : w)}" : "").Append("</li>");
            }

            html.Append("</ul>");
        }

        return html.Append($"<p><a href=\"{E(baseUrl + "/leads")}\">All leads</a></p></body></html>").ToString();
    }
}
