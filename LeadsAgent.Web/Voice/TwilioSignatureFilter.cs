using LeadsAgent.Infrastructure.Configuration;
using LeadsAgent.Infrastructure.Twilio;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Voice;

/// <summary>
/// Every Twilio webhook must carry a valid X-Twilio-Signature over the public URL (TWILIO_WEBHOOK_BASE_URL plus the
/// raw path and query) and every form parameter: missing header 400, wrong signature 403, and with no auth token
/// configured every request is refused (fail closed) with a log line saying why.
/// </summary>
public sealed partial class TwilioSignatureFilter(IOptions<TwilioOptions> options, ILogger<TwilioSignatureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var o = options.Value;
        if (string.IsNullOrEmpty(o.AuthToken))
        {
            LogNoToken(logger, http.Request.Path);
            return TypedResults.Problem("Voice webhooks are refused until TWILIO_AUTH_TOKEN is configured.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var signature = http.Request.Headers["X-Twilio-Signature"].ToString();
        if (signature.Length == 0)
        {
            LogUnsigned(logger, http.Request.Path);
            return TypedResults.Problem("No X-Twilio-Signature header: this request does not come from Twilio.", statusCode: StatusCodes.Status400BadRequest);
        }

        IFormCollection form;
        try
        {
            form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException && !http.RequestAborted.IsCancellationRequested)
        {
            // A body Twilio would never send: refused before any work, one Warning line and no stack trace, so a flood of
            // junk cannot bury real errors in the log.
            LogMalformed(logger, http.Request.Path, ex.GetType().Name);
            return TypedResults.Problem("The request body is not a form Twilio would send.", statusCode: StatusCodes.Status400BadRequest);
        }
        var url = PublicUrl(http, o);
        var parameters = form.Select(kv => new KeyValuePair<string, IReadOnlyList<string>>(kv.Key, kv.Value.Select(v => v ?? "").ToList()));
        if (!TwilioSignature.IsValid(o.AuthToken, signature, url, parameters))
        {
            LogRejected(logger, http.Request.Path);
            return TypedResults.Problem("Twilio request validation failed.", statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }

    /// <summary>The URL Twilio was given: the configured public base plus the raw path and query, never re-encoded.</summary>
    public static string PublicUrl(HttpContext http, TwilioOptions o)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw && raw.StartsWith('/')
            ? raw
            : http.Request.Path + http.Request.QueryString;
        var baseUrl = string.IsNullOrWhiteSpace(o.WebhookBaseUrl) ? $"{http.Request.Scheme}://{http.Request.Host}" : o.WebhookBaseUrl.TrimEnd('/');
        if (http.WebSockets.IsWebSocketRequest)
        {
            // ConversationRelay signs its WebSocket upgrade (a GET, no form) over the wss:// URL our TwiML gave it.
            baseUrl = baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + baseUrl["https://".Length..]
                : baseUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + baseUrl["http://".Length..] : baseUrl;
        }

        return baseUrl + target;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused a Twilio webhook to {Path}: TWILIO_AUTH_TOKEN is not configured, so signatures cannot be checked")]
    private static partial void LogNoToken(ILogger logger, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unsigned webhook to {Path}")]
    private static partial void LogUnsigned(ILogger logger, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a webhook to {Path} with a malformed body ({Reason})")]
    private static partial void LogMalformed(ILogger logger, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a webhook to {Path} with an invalid Twilio signature")]
    private static partial void LogRejected(ILogger logger, PathString path);
}
