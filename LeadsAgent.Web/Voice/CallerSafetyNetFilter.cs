namespace LeadsAgent.Web.Voice;

/// <summary>
/// The last line for a caller: whatever fails while answering a voice webhook (a database restart the caches could
/// not cover, a bug), Twilio still gets TwiML with a spoken apology and the safe next step, never an error page that
/// it would read out as "an application error has occurred".
/// </summary>
public sealed partial class CallerSafetyNetFilter(ILogger<CallerSafetyNetFilter> logger) : IEndpointFilter
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
            return TypedResults.Text(Infrastructure.Twilio.TwiML.Render(VoiceAgent.Apology()), "text/xml", System.Text.Encoding.UTF8);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Voice webhook {Path} failed; the caller heard the apology")]
    private static partial void LogFailed(ILogger logger, string path, Exception exception);
}
