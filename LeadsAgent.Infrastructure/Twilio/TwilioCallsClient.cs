using LeadsAgent.Infrastructure.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace LeadsAgent.Infrastructure.Twilio;

/// <summary>Twilio said no (an HTTP error with Twilio's error body) or could not be reached.</summary>
public sealed class TwilioApiException(string message, int? status, bool retryable, int? code = null) : Exception(message)
{
    public int? Status { get; } = status;
    public bool Retryable { get; } = retryable;
    /// <summary>Twilio's error code (21610: the recipient texted STOP), when its answer had one.</summary>
    public int? Code { get; } = code;
}

/// <summary>Places outbound calls through Twilio's Calls API (the SDK's <see cref="CallResource"/>) and reads a number's configuration.</summary>
public sealed class TwilioCallsClient(IHttpClientFactory httpClients, IOptions<TwilioOptions> options)
{
    public const string HttpClientName = "Twilio";
    public const int MaxTwimlLength = 4000;

    static readonly List<string> s_statusEvents = ["initiated", "ringing", "answered", "completed"];

    public sealed record PlacedCall(string Sid, string Status);

    public async Task<PlacedCall> CreateCallAsync(string to, string from, string twiml, string? statusCallback, CancellationToken ct)
    {
        if (twiml.Length > MaxTwimlLength)
        {
            throw new TwilioApiException($"The call's TwiML is {twiml.Length} characters; Twilio takes at most {MaxTwimlLength}.", null, retryable: false);
        }

        var rest = RestClient();
        return await CallTwilioAsync(async () =>
        {
            var call = await CallResource.CreateAsync(
                to: new PhoneNumber(to),
                from: new PhoneNumber(from),
                twiml: new Twiml(twiml),
                statusCallback: statusCallback is null ? null : new Uri(statusCallback),
                statusCallbackEvent: statusCallback is null ? null : s_statusEvents,
                timeout: 30,
                client: rest);
            return new PlacedCall(call.Sid, call.Status?.ToString() ?? "");
        }, ct);
    }

    /// <summary>Where Twilio sends a number's calls and status changes, as the number's configuration in the account says.</summary>
    public sealed record IncomingNumber(string PhoneNumber, string? VoiceUrl, string? VoiceMethod, string? StatusCallback, string? StatusCallbackMethod);

    /// <summary>The account's configuration of <paramref name="phoneNumber"/> (IncomingPhoneNumbers API); null when the account has no such number.</summary>
    public async Task<IncomingNumber?> FindNumberAsync(string phoneNumber, CancellationToken ct)
    {
        var rest = RestClient();
        return await CallTwilioAsync(async () =>
        {
            var numbers = await IncomingPhoneNumberResource.ReadAsync(phoneNumber: new PhoneNumber(phoneNumber), pageSize: 1, limit: 1, client: rest);
            return numbers.Select(n => new IncomingNumber(n.PhoneNumber?.ToString() ?? phoneNumber, n.VoiceUrl?.ToString(), n.VoiceMethod?.ToString(),
                n.StatusCallback?.ToString(), n.StatusCallbackMethod?.ToString())).FirstOrDefault();
        }, ct);
    }

    internal TwilioRestClient RestClient()
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            throw new TwilioApiException("Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN).", null, retryable: true);
        }

        // A client per call is cheap: the pooled handler (and the base-address rewrite) comes from the factory.
        return new TwilioRestClient(o.AccountSid, o.AuthToken, httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
    }

    internal static async Task<T> CallTwilioAsync<T>(Func<Task<T>> request, CancellationToken ct)
    {
        try
        {
            // The SDK takes no CancellationToken; WaitAsync stops our wait on shutdown, and the named client's timeout
            // bounds the request left behind.
            return await request().WaitAsync(ct);
        }
        catch (ApiConnectionException)
        {
            throw new TwilioApiException("Twilio could not be reached.", null, retryable: true);
        }
        catch (ApiException ex)
        {
            // Status is 0 when the error body was not Twilio's JSON (a proxy's page): the status is unknown, so retry
            // rather than drop the alert.
            int? status = ex.Status == 0 ? null : ex.Status;
            var message = status is null ? $"Twilio answered an error: {ex.Message}" : $"Twilio answered HTTP {status}: {ex.Message} (code {ex.Code})";
            throw new TwilioApiException(message, status, retryable: status is null or 408 or 429 or >= 500, ex.Code == 0 ? null : ex.Code);
        }
        catch (ApiStandardException ex)
        {
            throw new TwilioApiException($"Twilio answered HTTP {ex.Status}: {ex.Title} {ex.Detail} (code {ex.Code})", ex.Status,
                retryable: ex.Status is 408 or 429 or >= 500, ex.Code == 0 ? null : ex.Code);
        }
    }
}

/// <summary>
/// Sends the SDK's requests to <c>Twilio:ApiBaseUrl</c>. The SDK always builds <c>https://api.twilio.com/...</c> (its
/// region and edge settings only choose among Twilio's own hosts), so tests and proxies that stand in for Twilio are
/// reached by rewriting each request's scheme, host and port, keeping the SDK's path and query.
/// </summary>
public sealed class TwilioApiBaseHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && Uri.TryCreate(options.Value.ApiBaseUrl, UriKind.Absolute, out var target)
            && !(uri.Scheme == target.Scheme && uri.Host == target.Host && uri.Port == target.Port && target.AbsolutePath == "/"))
        {
            request.RequestUri = new UriBuilder(uri)
            {
                Scheme = target.Scheme,
                Host = target.Host,
                Port = target.Port,
                Path = target.AbsolutePath.TrimEnd('/') + uri.AbsolutePath,
            }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}

public static class TwilioCallsRegistration
{
    /// <summary>The Calls API client on a factory-made HttpClient aimed at <c>Twilio:ApiBaseUrl</c>.</summary>
    public static IServiceCollection AddTwilioCalls(this IServiceCollection services)
    {
        services.AddTransient<TwilioApiBaseHandler>();
        services.AddHttpClient(TwilioCallsClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15))
            .AddHttpMessageHandler<TwilioApiBaseHandler>();
        services.AddSingleton<TwilioCallsClient>();
        services.AddSingleton<TwilioMessagesClient>();
        return services;
    }
}
