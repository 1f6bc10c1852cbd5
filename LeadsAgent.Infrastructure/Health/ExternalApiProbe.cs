using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using LeadsAgent.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Infrastructure.Health;

/// <summary>
/// Asks OpenAI and Twilio, at most once a minute each, whether our credentials work; the health endpoint
/// reads the cached answer so a monitoring probe never turns into a stream of paid API calls.
/// </summary>
public sealed class ExternalApiProbe(
    IHttpClientFactory httpFactory,
    IOptions<OpenAIOptions> openAi,
    IOptions<TwilioOptions> twilio,
    TimeProvider clock)
{
    public const string HttpClientName = "health-probe";
    static readonly TimeSpan s_cacheFor = TimeSpan.FromSeconds(60);
    readonly Lock _gate = new();
    readonly Dictionary<string, (DateTimeOffset At, ComponentHealth Result)> _cache = [];

    public Task<ComponentHealth> OpenAIAsync(CancellationToken ct)
    {
        var o = openAi.Value;
        if (!o.IsConfigured)
        {
            return Task.FromResult(new ComponentHealth(ComponentHealth.NotConfigured));
        }

        return CachedAsync("openai", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, o.BaseUri + "/models");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.ApiKey);
            return request;
        }, ct);
    }

    public Task<ComponentHealth> TwilioAsync(CancellationToken ct)
    {
        var t = twilio.Value;
        if (!t.IsConfigured)
        {
            return Task.FromResult(new ComponentHealth(ComponentHealth.NotConfigured));
        }

        return CachedAsync("twilio", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"{t.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(t.AccountSid!)}.json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{t.AccountSid}:{t.AuthToken}")));
            return request;
        }, ct);
    }

    async Task<ComponentHealth> CachedAsync(string key, Func<HttpRequestMessage> makeRequest, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var hit) && clock.GetUtcNow() - hit.At < s_cacheFor)
            {
                return hit.Result;
            }
        }

        var result = await ProbeAsync(makeRequest(), ct);
        lock (_gate)
        {
            _cache[key] = (clock.GetUtcNow(), result);
        }

        return result;
    }

    async Task<ComponentHealth> ProbeAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var client = httpFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, ct);
            var latency = Math.Round(watch.Elapsed.TotalMilliseconds, 1);
            return response.IsSuccessStatusCode
                ? new ComponentHealth(ComponentHealth.Healthy, latency)
                : new ComponentHealth(ComponentHealth.Unhealthy, latency, (int)response.StatusCode is 401 or 403
                    ? "credentials were rejected" : $"answered HTTP {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new ComponentHealth(ComponentHealth.Unhealthy, null, "not reachable");
        }
        finally
        {
            request.Dispose();
        }
    }
}
