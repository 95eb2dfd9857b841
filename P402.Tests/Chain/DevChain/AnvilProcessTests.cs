using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;
using DevChainNode = P402.Core.Chain.DevChain.DevChain;

namespace P402.Tests.Chain.DevChain;

public sealed class AnvilProcessTests
{
    private static readonly TimeSpan GoneWithin = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task StartAsync_Defaults_AnswersBaseChainIdOnLoopback()
    {
        await using var chain = await DevChainNode.StartAsync(new DevChainOptions(), NullLogger.Instance);

        Assert.Equal(8453, await chain.Rpc.ChainIdAsync());
        Assert.Equal("127.0.0.1", chain.RpcUrl.Host);
        Assert.True(ProcessState.IsAlive(chain.Anvil.ProcessId));
    }

    [Fact]
    public async Task StartAsync_BlockTimeOneSecond_FundsPayersOnIntervalBlocks()
    {
        await using var chain = await DevChainNode.StartAsync(new DevChainOptions { BlockTime = 1 }, NullLogger.Instance);

        var balance = Abi.DecodeUint256(await chain.Rpc.CallAsync(chain.UsdcAddress,
            Abi.EncodeCall(Abi.Selector("balanceOf(address)"), AbiValue.Address(chain.Payers[2].Address))));
        Assert.Equal(DevChainNode.PayerFunding, balance);
    }

    [Fact]
    public async Task DisposeAsync_RunningChain_AnvilProcessIsGoneAndPortClosed()
    {
        var chain = await DevChainNode.StartAsync(new DevChainOptions(), NullLogger.Instance);
        var pid = chain.Anvil.ProcessId;
        using var http = new HttpClient();
        var probe = new EthereumRpc(new JsonRpcClient(http, chain.RpcUrl, TimeSpan.FromSeconds(2)));

        await chain.DisposeAsync();

        Assert.True(await ProcessState.WaitUntilGoneAsync(pid, GoneWithin), $"anvil {pid} still runs after DisposeAsync");
        await Assert.ThrowsAsync<RpcUnavailableException>(() => probe.ChainIdAsync());
    }

    [Fact]
    public async Task Dispose_Synchronous_AnvilProcessIsGone()
    {
        var chain = await DevChainNode.StartAsync(new DevChainOptions(), NullLogger.Instance);
        var pid = chain.Anvil.ProcessId;

        chain.Anvil.Dispose();

        Assert.True(await ProcessState.WaitUntilGoneAsync(pid, GoneWithin), $"anvil {pid} still runs after Dispose");
        await chain.DisposeAsync(); // idempotent
    }

    [Fact]
    public async Task HostProcessKilled_Abruptly_AnvilIsGone()
    {
        using var host = StartHost();
        try
        {
            var pid = await ReadAnvilPidAsync(host);
            Assert.True(ProcessState.IsAlive(pid), "the host's anvil should run before the host is killed");

            host.Kill(entireProcessTree: false); // SIGKILL to the host alone: no Dispose, no ProcessExit

            Assert.True(await ProcessState.WaitUntilGoneAsync(pid, GoneWithin), $"anvil {pid} outlived its killed host");
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task StartAsync_MissingAnvilBinary_ThrowsFileNotFoundNamingSetup()
    {
        var options = new DevChainOptions { AnvilPath = Path.Combine(Path.GetTempPath(), "no-such-anvil") };

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => DevChainNode.StartAsync(options, NullLogger.Instance));

        Assert.Contains("devchain/setup.sh", error.Message, StringComparison.Ordinal);
    }

    private static Process StartHost()
    {
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("exec");
        startInfo.ArgumentList.Add(typeof(AnvilChainHostProgram).Assembly.Location);
        startInfo.ArgumentList.Add(AnvilChainHostProgram.HostArgument);
        return Process.Start(startInfo) ?? throw new InvalidOperationException("The host did not start.");
    }

    private static async Task<int> ReadAnvilPidAsync(Process host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await host.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(AnvilChainHostProgram.PidPrefix, StringComparison.Ordinal))
            {
                return int.Parse(line.AsSpan(AnvilChainHostProgram.PidPrefix.Length), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException($"The host exited without starting anvil: {await host.StandardError.ReadToEndAsync()}");
    }

    /// <summary>The dotnet muxer running these tests (testhost runs under it), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } muxer ? muxer : "dotnet";
    }
}
