using System.Net;

namespace LeadsAgent.Infrastructure.Net;

/// <summary>Resolves a host name to its addresses; a seam so tests can give a made-up name the address they need.</summary>
public interface IHostNameResolver
{
    Task<IPAddress[]> ResolveAsync(string hostName, CancellationToken ct);
}

/// <summary>The system resolver (DNS, hosts file).</summary>
public sealed class DnsHostNameResolver : IHostNameResolver
{
    public Task<IPAddress[]> ResolveAsync(string hostName, CancellationToken ct) => Dns.GetHostAddressesAsync(hostName, ct);
}
