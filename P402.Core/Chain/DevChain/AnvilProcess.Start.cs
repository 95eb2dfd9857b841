using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using P402.Core.Chain.Rpc;

namespace P402.Core.Chain.DevChain;

/// <summary>
/// Starting anvil: under the watchdog shell, on port 0 (the kernel picks a free port and anvil holds it
/// from then on) unless a fixed port is configured; anvil's own output says which port it got.
/// </summary>
internal sealed partial class AnvilProcess
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ChainIdTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Starts anvil and returns once it listens and answers <c>eth_chainId</c> with <paramref name="chainId"/>.</summary>
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
        var startInfo = AnvilWatchdog.CreateStartInfo(anvilPath, chainId, options.Port ?? 0, options.ResolveStatePath(), options.BlockTime);
        var anvil = Launch(startInfo, logger);
        try
        {
            var port = await anvil.WaitUntilListeningAsync(cancellationToken);
            anvil._rpcUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            await anvil.CheckChainIdAsync(http, chainId, cancellationToken);
            DevChainLog.AnvilStarted(logger, anvil.ProcessId, anvil.RpcUrl, chainId, options.StatePath);
            return anvil;
        }
        catch
        {
            await anvil.DisposeAsync();
            throw;
        }
    }

    private static AnvilProcess Launch(ProcessStartInfo startInfo, ILogger logger)
    {
        var shell = new Process { StartInfo = startInfo };
        var output = new AnvilOutput(logger);
        shell.OutputDataReceived += (_, e) => output.AddOutput(e.Data);
        shell.ErrorDataReceived += (_, e) => output.AddError(e.Data);
        shell.Start();
        shell.BeginOutputReadLine();
        shell.BeginErrorReadLine();
        return new AnvilProcess(shell, output, logger);
    }

    /// <summary>
    /// The port from anvil's <c>Listening on</c> line. The watchdog prints the pid marker before anvil
    /// starts, on the same stream, so the pid is known by then too.
    /// </summary>
    private async Task<int> WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var exited = _shell.WaitForExitAsync(timeout.Token);
        await Task.WhenAny(_output.Port, exited);
        if (_output.Port.IsCompletedSuccessfully)
        {
            return _output.Port.Result;
        }
        cancellationToken.ThrowIfCancellationRequested();
        throw new AnvilStartException(_shell.HasExited
            ? $"anvil exited at start: {_output.Tail()}"
            : $"anvil did not report a listening port within {StartTimeout.TotalSeconds} s: {_output.Tail()}");
    }

    private async Task CheckChainIdAsync(HttpClient http, long chainId, CancellationToken cancellationToken)
    {
        long answered;
        try
        {
            answered = await new JsonRpcClient(http, RpcUrl).CallAsync("eth_chainId", null, RpcJson.Int64, ChainIdTimeout, cancellationToken);
        }
        catch (RpcUnavailableException e)
        {
            throw new AnvilStartException($"anvil listens on {RpcUrl} but does not answer: {e.Message} {_output.Tail()}");
        }
        if (answered != chainId)
        {
            throw new AnvilStartException($"anvil answers chain id {answered}, expected {chainId}.");
        }
    }
}
