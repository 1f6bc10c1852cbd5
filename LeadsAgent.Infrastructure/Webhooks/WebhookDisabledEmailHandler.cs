using System.Net;
using System.Text.Json.Nodes;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Email;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Webhooks;

/// <summary>
/// The email telling the owner a webhook endpoint kept failing and was switched off: which address, the last error,
/// and where to switch it back on. Sent to the business's notification email, or the owner's sign-in email without one.
/// </summary>
public sealed class WebhookDisabledEmailHandler(IServiceScopeFactory scopes, IEmailSender email, IOptions<ServerOptions> server) : IOutboxHandler
{
    public const string SettingsPath = "/settings/webhooks";

    public NotificationKind Kind => NotificationKind.WEBHOOK_DISABLED;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken ct)
    {
        var payload = JsonNode.Parse(item.Payload);
        var url = payload?["url"]?.GetValue<string>() ?? throw new OutboxRetryException("The row names no endpoint.", retry: false);
        var failures = payload["failures"]?.GetValue<int>() ?? 0;
        var lastError = payload["lastError"]?.GetValue<string>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(item.BusinessId);
        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == item.BusinessId, ct);
        var to = business.NotificationEmail
            ?? await db.Users.Where(u => u.BusinessId == item.BusinessId && u.Email != null).OrderBy(u => u.Email).Select(u => u.Email).FirstOrDefaultAsync(ct)
            ?? throw new OutboxRetryException("The business has no email to tell.", retry: false);
        await email.SendAsync(Compose(to, business.Name, url, failures, lastError, server.Value), ct);
        return OutboxOutcome.Sent;
    }

    public static EmailMessage Compose(string to, string businessName, string url, int failures, string? lastError, ServerOptions server)
    {
        var link = $"{(server.PublicBaseUrl ?? $"http://{server.ListenAddress}:{server.Port}").TrimEnd('/')}{SettingsPath}";
        var subject = $"Webhook switched off for {businessName}: it kept failing";
        var text = $"""
            Hello,

            Your webhook to {url} failed {failures} times in a row, so we switched it off and stopped sending it events.
            Last error: {lastError ?? "unknown"}

            New leads are safe: they are all in your dashboard. Once the receiving side works again, switch the webhook
            back on and send a test event here:

            {link}
            """;
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = $"""
            <!doctype html><html><body style="font-family:Arial,sans-serif;color:#1f2937">
            <h1 style="font-size:20px">Your webhook was switched off</h1>
            <p>Your webhook to <strong>{E(url)}</strong> failed {failures} times in a row, so we switched it off and stopped sending it events.</p>
            <p>Last error: {E(lastError ?? "unknown")}</p>
            <p>New leads are safe: they are all in your dashboard. Once the receiving side works again, switch the webhook back on and send a test event.</p>
            <p><a href="{E(link)}">Open your webhook settings</a></p>
            </body></html>
            """;
        return new EmailMessage(to, subject, text, html, Important: true);
    }
}
