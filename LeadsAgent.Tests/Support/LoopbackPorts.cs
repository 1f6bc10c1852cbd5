using System.Net;
using System.Net.Sockets;

namespace LeadsAgent.Tests.Support;

public static class LoopbackPorts
{
    /// <summary>A port nobody listens on right now (the OS picks it), for a server a test starts itself.</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
