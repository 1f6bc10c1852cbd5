using System.Net;
using System.Net.Sockets;

namespace LeadsAgent.Infrastructure.Net;

/// <summary>Why an owner-given address may not be reached.</summary>
public enum OutboundRefusal
{
    HostNotFound,
    PrivateNetwork,
}

/// <summary>The address was refused before any connection was made; the caller words it for its own audience.</summary>
public sealed class OutboundTargetRefusedException(OutboundRefusal reason) : Exception($"Refused: {reason}")
{
    public OutboundRefusal Reason { get; } = reason;
}

/// <summary>
/// The one resolution of an owner-given URL's host, refused when any of its addresses is private, so the request can
/// then be pinned to exactly these addresses (<see cref="CheckedAddressHandler"/>): a DNS answer that changes after the
/// check (rebinding) cannot point the request at the server's own network.
/// </summary>
public sealed class OutboundTargetGuard(IOutboundAddressPolicy policy, IHostNameResolver resolver)
{
    /// <param name="allowLoopback">Loopback addresses pass too (tests and local receivers); private networks never do.</param>
    /// <param name="allowPrivate">Every address passes (an intranet the operator allowed on purpose); the host must still resolve.</param>
    public async Task<IPAddress[]> CheckAsync(Uri uri, bool allowLoopback, CancellationToken ct, bool allowPrivate = false)
    {
        IPAddress[] addresses;
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            // The URI parser has already read the literal, including forms like 0x7f.1 or 2130706433 (both 127.0.0.1).
            addresses = [IPAddress.Parse(uri.Host)];
        }
        else
        {
            try
            {
                addresses = await resolver.ResolveAsync(uri.IdnHost, ct);
            }
            catch (Exception ex) when (ex is SocketException or ArgumentException)
            {
                addresses = [];
            }
        }

        if (addresses.Length == 0)
        {
            throw new OutboundTargetRefusedException(OutboundRefusal.HostNotFound);
        }

        if (!allowPrivate && addresses.Any(a => !policy.IsAllowed(a) && !(allowLoopback && IPAddress.IsLoopback(a))))
        {
            throw new OutboundTargetRefusedException(OutboundRefusal.PrivateNetwork);
        }

        return addresses;
    }
}
