using Microsoft.Extensions.Logging.Abstractions;
using P402.Core.Chain.DevChain;

namespace P402.Tests.Infrastructure;

/// <summary>
/// The entry point of P402.Tests.dll (test runners never call it). Run as
/// <c>dotnet P402.Tests.dll --host-anvil</c>, it starts a dev chain, prints anvil's pid and URL and
/// waits, so that a test can kill this host abruptly and check that anvil goes with it.
/// </summary>
internal static class AnvilChainHostProgram
{
    public const string HostArgument = "--host-anvil";
    public const string PidPrefix = "anvil-pid=";

    public static async Task<int> Main(string[] args)
    {
        if (args is not [HostArgument])
        {
            return 0;
        }
        await using var chain = await DevChain.StartAsync(new DevChainOptions(), NullLogger.Instance);
        Console.WriteLine($"{PidPrefix}{chain.Anvil.ProcessId}");
        Console.WriteLine($"rpc-url={chain.RpcUrl}");
        // Killed by the test long before; the bound only keeps a failed test from leaving it behind.
        await Task.Delay(TimeSpan.FromMinutes(2));
        return 0;
    }
}
