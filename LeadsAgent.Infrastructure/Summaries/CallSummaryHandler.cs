using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Email;
using LeadsAgent.Infrastructure.Notifications;
using LeadsAgent.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Summaries;

/// <summary>
/// Sends the owner's summary email of one call or chat (CALL_SUMMARY, payload: the conversation's id): the model's
/// paragraph when a model is configured and answers in time, then the deterministic facts and the links, as plain
/// text and HTML with everything the caller said encoded.
/// </summary>
public sealed class CallSummaryHandler(IServiceScopeFactory scopes, IEmailSender email, ISummaryWriter writer, IOptions<ServerOptions> server)
    : IOutboxHandler
{
    public NotificationKind Kind => NotificationKind.CALL_SUMMARY;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken ct)
    {
        var payload = JsonNode.Parse(item.Payload);
        if (!Guid.TryParse(payload?["conversationId"]?.GetValue<string>() ?? payload?["summaryOf"]?.GetValue<string>(), out var conversationId))
        {
            throw new OutboxRetryException("The summary names no conversation.", retry: false);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.DbForBusiness(item.BusinessId);
        var loaded = await SummaryFactsReader.LoadAsync(db, item.BusinessId, conversationId, payload?["language"]?.GetValue<string>(),
            payload?["answeredByOwner"]?.GetValue<bool>() == true, server.Value, ct)
            ?? throw new OutboxRetryException("The conversation no longer exists.", retry: false);
        var to = loaded.Business.NotificationEmail ?? throw new OutboxRetryException("The business has no notification email.", retry: false);
        var transcript = SummaryFactsReader.Transcript(loaded.Conversation);
        var written = await writer.WriteAsync(loaded.Facts, transcript, ct);
        await email.SendAsync(Compose(to, loaded.Facts, written, transcript), ct);
        return OutboxOutcome.Sent;
    }

    public static EmailMessage Compose(string to, SummaryFacts facts, string? written, string transcript)
    {
        var summary = ConversationSummary.Build(facts);
        var text = new StringBuilder().AppendLine(summary.Headline).AppendLine();
        if (written is not null)
        {
            text.AppendLine(written).AppendLine();
        }

        foreach (var line in summary.Lines)
        {
            text.AppendLine($"{line.Label}: {line.Value}");
        }

        text.AppendLine().AppendLine("Transcript:").AppendLine(transcript);

        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        static bool IsLink(string s) => s.StartsWith("http://", StringComparison.Ordinal) || s.StartsWith("https://", StringComparison.Ordinal);
        var html = new StringBuilder()
            .Append("<!doctype html><html><body style=\"font-family:Arial,sans-serif;color:#1f2937\">")
            .Append(facts.Priority == LeadPriority.URGENT ? "<p style=\"background:#b91c1c;color:#fff;padding:8px 12px;font-weight:bold\">URGENT: call this customer now</p>" : "")
            .Append($"<h1 style=\"font-size:20px\">{E(summary.Headline)}</h1>");
        if (written is not null)
        {
            html.Append($"<p>{E(written)}</p>");
        }

        html.Append("<table cellpadding=\"4\">");
        foreach (var line in summary.Lines)
        {
            var value = IsLink(line.Value) ? $"<a href=\"{E(line.Value)}\">{E(line.Label == "Transcript" ? "Read the transcript" : line.Label == "Recording" ? "Listen to the recording" : "Open the lead")}</a>" : E(line.Value);
            html.Append($"<tr><th align=\"left\" valign=\"top\">{E(line.Label)}</th><td>{value}</td></tr>");
        }

        html.Append("</table><h2 style=\"font-size:16px\">Transcript</h2><pre style=\"white-space:pre-wrap\">").Append(E(transcript)).Append("</pre></body></html>");
        return new EmailMessage(to, summary.Subject, text.ToString(), html.ToString(), facts.Priority == LeadPriority.URGENT);
    }
}
