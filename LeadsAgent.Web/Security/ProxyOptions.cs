using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace LeadsAgent.Web.Security;

/// <summary>
/// The reverse proxies (TLS terminators, load balancers) whose X-Forwarded-For and X-Forwarded-Proto are believed.
/// Nothing is believed unless configured: anyone can send those headers, and a forged client address would let one
/// visitor dodge the per-client chat limits.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, comma separated ("10.0.0.5, 10.0.0.6").</summary>
    public string? KnownProxies { get; set; }

    /// <summary>Proxy networks in CIDR form, comma separated ("10.0.0.0/8, fd00::/8").</summary>
    public string? KnownNetworks { get; set; }

    /// <summary>How many proxies in a row may add an address (X-Forwarded-For entries read from the right).</summary>
    public int ForwardLimit { get; set; } = 1;

    public IReadOnlyList<IPAddress> Proxies => [.. Split(KnownProxies).Select(IPAddress.Parse)];

    public IReadOnlyList<System.Net.IPNetwork> Networks => [.. Split(KnownNetworks).Select(n => System.Net.IPNetwork.Parse(n))];

    public bool IsConfigured => Split(KnownProxies).Any() || Split(KnownNetworks).Any();

    /// <summary>The middleware's options with its loopback defaults removed: only what the operator named is trusted.</summary>
    public ForwardedHeadersOptions ToMiddlewareOptions()
    {
        var o = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = ForwardLimit,
        };
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var proxy in Proxies)
        {
            o.KnownProxies.Add(proxy);
        }

        foreach (var network in Networks)
        {
            o.KnownIPNetworks.Add(network);
        }

        return o;
    }

    static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static IEnumerable<string> Entries(string? list) => Split(list);
}

/// <summary>Refuses a malformed proxy list at start, naming the setting (the addresses are not secrets, but kept out all the same).</summary>
public sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var failures = new List<string>();
        if (ProxyOptions.Entries(options.KnownProxies).Any(p => !IPAddress.TryParse(p, out _)))
        {
            failures.Add("ForwardedHeaders:KnownProxies must be IP addresses separated by commas, like 10.0.0.5, 10.0.0.6.");
        }

        if (ProxyOptions.Entries(options.KnownNetworks).Any(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            failures.Add("ForwardedHeaders:KnownNetworks must be networks in CIDR form separated by commas, like 10.0.0.0/8.");
        }

        if (options.ForwardLimit is < 1 or > 10)
        {
            failures.Add("ForwardedHeaders:ForwardLimit must be between 1 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
