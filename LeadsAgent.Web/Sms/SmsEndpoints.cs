using System.Text.Json.Nodes;
using LeadsAgent.Domain.Common;
using LeadsAgent.Infrastructure.Businesses;
using LeadsAgent.Infrastructure.Persistence;
using LeadsAgent.Infrastructure.Tenancy;
using LeadsAgent.Infrastructure.Texts;
using LeadsAgent.Infrastructure.Twilio;
using LeadsAgent.Web.Voice;
using Microsoft.EntityFrameworkCore;
using Twilio.TwiML;
using Twilio.TwiML.Messaging;

namespace LeadsAgent.Web.Sms;

/// <summary>
/// Twilio's messaging webhooks: "A message comes in" (<c>POST /api/sms/incoming</c>, answered with TwiML
/// <c>&lt;Response&gt;&lt;Message&gt;</c>) and the status callback of the texts we send. Signed like the voice webhooks.
/// </summary>
public static partial class SmsEndpoints
{
    public const string IncomingPath = "/api/sms/incoming";

    public static void MapSms(this IEndpointRouteBuilder app)
    {
        var sms = app.MapGroup("/api/sms").AllowAnonymous().DisableAntiforgery()
            .AddEndpointFilter<TexterSafetyNetFilter>().AddEndpointFilter<TwilioSignatureFilter>();
        sms.MapPost("/incoming", IncomingAsync);
        sms.MapPost("/status", StatusAsync);
    }

    /// <summary>The replies as TwiML, one &lt;Message&gt; each; none is an empty &lt;Response/&gt; (Twilio then sends nothing).</summary>
    public static IResult Reply(IEnumerable<string> messages)
    {
        var response = new MessagingResponse();
        foreach (var text in messages)
        {
            response.Append(new Message(text));
        }

        return TypedResults.Text(LeadsAgent.Infrastructure.Twilio.TwiML.Render(response), "text/xml", System.Text.Encoding.UTF8);
    }

    static async Task<IResult> IncomingAsync(HttpRequest request, BusinessDirectory directory, SmsAgent agent, ILogger<SmsAgent> logger, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var sid = form["MessageSid"].ToString();
        var from = LeadsAgent.Domain.Common.PhoneNumbers.Normalize(form["From"].ToString());
        var to = LeadsAgent.Domain.Common.PhoneNumbers.Normalize(form["To"].ToString());
        var body = form["Body"].ToString();
        if (sid.Length is 0 or > 64 || from is null || to is null)
        {
            return Reply([]);
        }

        var profile = await directory.FindByTwilioNumberAsync(to, ct);
        if (profile is null)
        {
            LogUnknownNumber(logger, Pii.MaskPhone(to));
            return Reply(["Sorry, this number isn't set up to take messages yet."]);
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            // A picture or an empty text: the agent reads words only.
            return Reply([Domain.Engine.AgentPhrases.Say(Domain.Engine.AgentPhrase.ChatDidNotCatch, Domain.Engine.ConversationLanguage.OfBusiness(profile.Config))]);
        }

        return Reply(await agent.ReceiveAsync(profile, from, to, body, sid, ct));
    }

    /// <summary>A sent text's delivery: kept on its outbox row; Twilio's 21610 (the number texted STOP to Twilio) stores the opt-out.</summary>
    static async Task<IResult> StatusAsync(HttpRequest request, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        if (!Guid.TryParse(request.Query["n"], out var id))
        {
            return TypedResults.NoContent();
        }

        await using var scope = scopes.CreateAsyncScope();
        var all = scope.ServiceProvider.DbAcrossBusinesses("SMS delivery status from Twilio");
        var row = await all.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.Kind == Domain.Notifications.NotificationKind.SMS, ct);
        if (row is null)
        {
            return TypedResults.NoContent();
        }

        var payload = JsonNode.Parse(row.Payload)?.AsObject() ?? [];
        var status = form["MessageStatus"].ToString();
        payload["deliveryStatus"] = status.Length <= 20 ? status : status[..20];
        if (int.TryParse(form["ErrorCode"], out var code))
        {
            payload["errorCode"] = code;
            if (code == TwilioMessagesClient.UnsubscribedRecipient && LeadsAgent.Domain.Common.PhoneNumbers.Normalize(payload["to"]?.GetValue<string>()) is { } to)
            {
                var db = scope.ServiceProvider.DbForBusiness(row.BusinessId);
                await SmsOptOuts.OptOutAsync(db, row.BusinessId, to, "TWILIO_21610", clock.GetUtcNow(), ct);
            }
        }

        row.Payload = payload.ToJsonString();
        row.UpdatedAt = clock.GetUtcNow();
        await all.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A text came in for {Number}, which no business uses")]
    private static partial void LogUnknownNumber(ILogger logger, string number);
}

/// <summary>Whatever fails while answering a text, Twilio gets valid TwiML with an apology, never an error page.</summary>
public sealed partial class TexterSafetyNetFilter(ILogger<TexterSafetyNetFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            LogFailed(logger, context.HttpContext.Request.Path, ex);
            return SmsEndpoints.Reply(["Sorry, something went wrong on our side. Please try again in a few minutes, or call us. If this is an emergency, call 911."]);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SMS webhook {Path} failed; the texter got the apology")]
    private static partial void LogFailed(ILogger logger, string path, Exception exception);
}
