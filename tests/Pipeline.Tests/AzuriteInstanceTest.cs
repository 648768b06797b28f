using System.Net;
using System.Net.Sockets;
using ParServerless.Testing.Azurite;

namespace ParServerless.Pipeline.Tests;

/// <summary>The shared Azurite fixture survives the race between probing a free port and binding it.</summary>
public sealed class AzuriteInstanceTest
{
    [Fact]
    public async Task Start_WhenAProbedPortIsTakenMeanwhile_StartsAgainOnOtherPorts()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var first = true;
        AzuriteInstance.PortOverride.Value = () =>
        {
            if (first) { first = false; return taken; } // the blob port of the first attempt is already bound
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        };
        try
        {
            await using var azurite = await AzuriteInstance.StartInMemoryAsync();
            Assert.NotEqual(taken, azurite.BlobPort);
            Assert.True(azurite.IsRunning);
        }
        finally
        {
            AzuriteInstance.PortOverride.Value = null;
        }
    }
}
