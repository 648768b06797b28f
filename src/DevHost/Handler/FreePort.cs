using System.Net;
using System.Net.Sockets;

namespace ParServerless.DevHost.Handler;

/// <summary>Picks a loopback port nobody listens on, as the host does for <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
