using System.Diagnostics;
using Microsoft.Extensions.Logging;
using P402.Core.Chain.Rpc;

namespace P402.Core.Chain.DevChain;

/// <summary>Starting anvil: a free port, the watchdog shell, and waiting until JSON-RPC answers.</summary>
internal sealed partial class AnvilProcess
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Starts anvil and returns once it answers <c>eth_chainId</c> with <paramref name="chainId"/>.</summary>
    public static async Task<AnvilProcess> StartAsync(string anvilPath, long chainId, DevChainOptions options,
        HttpClient http, ILogger logger, CancellationToken cancellationToken)
    {
        if (!File.Exists(anvilPath))
        {
            throw new FileNotFoundException("anvil is not installed; run devchain/setup.sh.", anvilPath);
        }
        if (options.ResolveStatePath() is { } statePath)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(statePath)!);
        }
        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port ?? LoopbackPort.Free();
            var startInfo = AnvilWatchdog.CreateStartInfo(anvilPath, chainId, port, options.ResolveStatePath(), options.BlockTime);
            var anvil = Launch(startInfo, port, logger);
            try
            {
                await anvil.WaitUntilAnsweringAsync(http, chainId, cancellationToken);
                DevChainLog.AnvilStarted(logger, anvil.ProcessId, anvil.RpcUrl, chainId, options.StatePath);
                return anvil;
            }
            catch (AnvilStartException) when (options.Port is null && attempt < 3 && anvil._output.Mentions("in use"))
            {
                // Another process took the free port between our probe and anvil's bind.
                DevChainLog.PortTaken(logger, port);
                await anvil.DisposeAsync();
            }
            catch
            {
                await anvil.DisposeAsync();
                throw;
            }
        }
    }

    private static AnvilProcess Launch(ProcessStartInfo startInfo, int port, ILogger logger)
    {
        var shell = new Process { StartInfo = startInfo };
        var output = new AnvilOutput(logger);
        shell.OutputDataReceived += (_, e) => output.Add(e.Data);
        shell.ErrorDataReceived += (_, e) => output.Add(e.Data);
        shell.Start();
        shell.BeginOutputReadLine();
        shell.BeginErrorReadLine();
        return new AnvilProcess(shell, output, port, logger);
    }

    private async Task WaitUntilAnsweringAsync(HttpClient http, long chainId, CancellationToken cancellationToken)
    {
        var rpc = new JsonRpcClient(http, RpcUrl);
        var started = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_shell.HasExited)
            {
                throw new AnvilStartException($"anvil exited at start: {_output.Tail()}");
            }
            if (started.Elapsed > StartTimeout)
            {
                throw new AnvilStartException($"anvil did not answer within {StartTimeout.TotalSeconds} s: {_output.Tail()}");
            }
            try
            {
                var answered = await rpc.CallAsync("eth_chainId", null, RpcJson.Int64, TimeSpan.FromSeconds(2), cancellationToken);
                if (answered != chainId)
                {
                    throw new AnvilStartException($"anvil answers chain id {answered}, expected {chainId}.");
                }
                while (ProcessId < 0 && started.Elapsed < StartTimeout)
                {
                    await Task.Delay(10, cancellationToken); // the pid line is read on another thread
                }
                return;
            }
            catch (RpcUnavailableException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }
}
