using System.Net;
using System.Net.Sockets;

namespace LeadsAgent.Infrastructure.Net;

/// <summary>
/// HTTP requests that connect only to the addresses the caller checked for them, so a DNS answer that changes between
/// the check and the connection (DNS rebinding) cannot send a request somewhere else.
/// </summary>
public static class CheckedAddressHandler
{
    static readonly HttpRequestOptionsKey<IPAddress[]> s_addresses = new("LeadsAgent.CheckedAddresses");

    /// <summary>The primary handler: no automatic redirects, no proxy, and connections made by <see cref="ConnectAsync"/>.</summary>
    public static SocketsHttpHandler Create() => new()
    {
        // The caller follows redirects itself, checking every hop before it connects.
        AllowAutoRedirect = false,
        // A proxy would resolve the host name again and connect wherever its own DNS answer points.
        UseProxy = false,
        ConnectCallback = ConnectAsync,
    };

    /// <summary>A GET of <paramref name="uri"/> that may only connect to <paramref name="addresses"/>.</summary>
    public static HttpRequestMessage Get(Uri uri, IPAddress[] addresses) => Create(HttpMethod.Get, uri, addresses);

    /// <summary>A request of any method (a webhook's POST) that may only connect to <paramref name="addresses"/>.</summary>
    public static HttpRequestMessage Create(HttpMethod method, Uri uri, IPAddress[] addresses)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Options.Set(s_addresses, addresses);
        // Pooled connections are keyed by host name and port, not address: a kept-alive connection made for an earlier
        // request would carry this one without this request's addresses ever being used.
        request.Headers.ConnectionClose = true;
        return request;
    }

    static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        if (!context.InitialRequestMessage.Options.TryGetValue(s_addresses, out var addresses) || addresses.Length == 0)
        {
            throw new InvalidOperationException($"Requests through this handler are made with {nameof(CheckedAddressHandler)}.{nameof(Create)}.");
        }

        // Only the TCP connection uses the address: TLS (SNI, certificate name) and the Host header keep the URL's host.
        SocketException? failure = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                failure = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw failure!;
    }
}
