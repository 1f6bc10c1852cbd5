namespace LeadsAgent.Web.Security;

/// <summary>
/// Headers every response carries. The Content-Security-Policy fits what the dashboard and the widget demo page load:
/// scripts and styles from this origin only (inline styles allowed for the widget's shadow-DOM style sheet and a few
/// style attributes), API calls and the live-updates socket to this origin, voicemail audio from Twilio over https,
/// and no framing by other sites (clickjacking). The widget preview page is the one page the dashboard itself frames
/// (a sandboxed iframe on the agent settings page), so it may be framed by this origin only.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "media-src 'self' https:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The page the agent settings page shows the real widget in (wwwroot/widget-preview.html).</summary>
    public const string WidgetPreviewPath = "/widget-preview.html";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((ctx, next) =>
    {
        ctx.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            var preview = http.Request.Path.Equals(WidgetPreviewPath, StringComparison.OrdinalIgnoreCase);
            headers.ContentSecurityPolicy = preview ? ContentSecurityPolicy.Replace("frame-ancestors 'none'", "frame-ancestors 'self'", StringComparison.Ordinal) : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = preview ? "SAMEORIGIN" : "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (http.Request.IsHttps)
            {
                // Only over HTTPS (directly or behind a configured TLS-terminating proxy): over plain HTTP it is ignored.
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            return Task.CompletedTask;
        }, ctx);
        return next(ctx);
    });
}
