using System.Net;
using System.Net.Sockets;

namespace P402.Core.Chain.DevChain;

internal static class LoopbackPort
{
    /// <summary>A port that was free a moment ago (the caller retries if someone takes it first).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
