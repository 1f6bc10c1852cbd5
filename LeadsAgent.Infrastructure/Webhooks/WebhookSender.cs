using System.Net;
using System.Text;
using LeadsAgent.Domain.Webhooks;
using LeadsAgent.Infrastructure.Net;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Webhooks;

/// <summary>What one POST came to: delivered (2xx), or why not in words the owner reads in the delivery log.</summary>
public sealed record WebhookAttempt(bool Delivered, int? StatusCode, string? Error);

/// <summary>
/// One signed POST of a delivery's stored body. The host is resolved and checked again on every attempt and the
/// connection pinned to the checked addresses, so an address that was public at registration but now resolves to a
/// private one (DNS rebinding) is refused. Redirects are not followed: a 3xx counts as a failure.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory http, OutboundTargetGuard guard, WebhookSecrets secrets, IOptions<WebhookOptions> options,
    TimeProvider clock)
{
    public const string HttpClientName = "webhooks";

    public async Task<WebhookAttempt> SendAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken ct)
    {
        var o = options.Value;
        if (WebhookUrl.Problem(endpoint.Url, o.AllowLoopbackTargets) is { } problem)
        {
            return new WebhookAttempt(false, null, problem);
        }

        var uri = new Uri(endpoint.Url);
        IPAddress[] addresses;
        try
        {
            addresses = await guard.CheckAsync(uri, o.AllowLoopbackTargets, ct);
        }
        catch (OutboundTargetRefusedException ex)
        {
            return new WebhookAttempt(false, null, ex.Reason == OutboundRefusal.HostNotFound ? WebhookUrl.HostNotFound : WebhookUrl.PrivateNetwork);
        }

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = CheckedAddressHandler.Create(HttpMethod.Post, uri, addresses);
        request.Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader,
            WebhookSignature.Header(secrets.Unprotect(endpoint.SecretProtected), timestamp, delivery.Payload));
        request.Headers.TryAddWithoutValidation(WebhookSignature.EventHeader, delivery.EventType);
        request.Headers.TryAddWithoutValidation(WebhookSignature.DeliveryHeader, delivery.Id.ToString());

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return code switch
            {
                >= 200 and < 300 => new WebhookAttempt(true, code, null),
                >= 300 and < 400 => new WebhookAttempt(false, code, $"Your server answered {code} (a redirect); redirects are not followed, so use the final address."),
                _ => new WebhookAttempt(false, code, $"Your server answered {code} ({Reason(response)})."),
            };
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new WebhookAttempt(false, null, $"No answer within {o.TimeoutSeconds} seconds.");
        }
        catch (HttpRequestException ex)
        {
            return new WebhookAttempt(false, null, ex.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "Could not connect to your server (nothing answered at that address).",
                HttpRequestError.SecureConnectionError => "The secure connection failed (check your server's HTTPS certificate).",
                HttpRequestError.NameResolutionError => WebhookUrl.HostNotFound,
                _ => "The connection to your server broke off before it answered.",
            });
        }
    }

    static string Reason(HttpResponseMessage response) =>
        string.IsNullOrWhiteSpace(response.ReasonPhrase) ? "an error" : new string([.. response.ReasonPhrase.Where(c => !char.IsControl(c)).Take(60)]);
}
