using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LeadsAgent.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Twilio;

/// <summary>Twilio said no (an HTTP error with Twilio's error body) or could not be reached.</summary>
public sealed class TwilioApiException(string message, int? status, bool retryable) : Exception(message)
{
    public int? Status { get; } = status;
    public bool Retryable { get; } = retryable;
}

/// <summary>Places outbound calls through Twilio's Calls API (no SDK here: architecture D4).</summary>
public sealed class TwilioCallsClient(HttpClient http, IOptions<TwilioOptions> options)
{
    public const int MaxTwimlLength = 4000;

    public sealed record PlacedCall(string Sid, string Status);

    public async Task<PlacedCall> CreateCallAsync(string to, string from, string twiml, string? statusCallback, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            throw new TwilioApiException("Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN).", null, retryable: true);
        }

        if (twiml.Length > MaxTwimlLength)
        {
            throw new TwilioApiException($"The call's TwiML is {twiml.Length} characters; Twilio takes at most {MaxTwimlLength}.", null, retryable: false);
        }

        var fields = new List<KeyValuePair<string, string>> { new("To", to), new("From", from), new("Twiml", twiml), new("Timeout", "30") };
        if (statusCallback is not null)
        {
            fields.Add(new("StatusCallback", statusCallback));
            foreach (var e in new[] { "initiated", "ringing", "answered", "completed" })
            {
                fields.Add(new("StatusCallbackEvent", e));
            }
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{o.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(o.AccountSid!)}/Calls.json")
        {
            Content = new FormUrlEncodedContent(fields),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.AccountSid}:{o.AuthToken}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new TwilioApiException("Twilio could not be reached.", null, retryable: true);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if ((int)response.StatusCode is >= 200 and < 400)
            {
                using var json = JsonDocument.Parse(body);
                return new PlacedCall(json.RootElement.GetProperty("sid").GetString()!, json.RootElement.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "");
            }

            var message = $"Twilio answered HTTP {(int)response.StatusCode}";
            try
            {
                using var error = JsonDocument.Parse(body);
                if (error.RootElement.TryGetProperty("message", out var m))
                {
                    message += $": {m.GetString()} (code {(error.RootElement.TryGetProperty("code", out var c) ? c.ToString() : "?")})";
                }
            }
            catch (JsonException)
            {
                // Not Twilio's error body; the status says enough.
            }

            var status = (int)response.StatusCode;
            throw new TwilioApiException(message, status, retryable: status is 408 or 429 or >= 500);
        }
    }
}
