using System.Net;
using System.Net.Sockets;

namespace ElearningRollout.Tests.Shared;

/// <summary>A loopback port nobody listens on right now (the system picks it), for servers the tests start.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
