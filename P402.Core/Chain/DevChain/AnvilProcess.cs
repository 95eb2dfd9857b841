using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using P402.Core.Chain.Rpc;

namespace P402.Core.Chain.DevChain;

/// <summary>
/// One anvil node on a loopback port, owned by this process: it stops on Dispose, when this process
/// exits, and when this process dies (see <see cref="AnvilWatchdog"/>).
/// </summary>
internal sealed class AnvilProcess : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _shell;
    private readonly AnvilOutput _output;
    private readonly ILogger _logger;
    private int _stopped;

    private AnvilProcess(Process shell, AnvilOutput output, int port, ILogger logger)
    {
        _shell = shell;
        _output = output;
        _logger = logger;
        Port = port;
        RpcUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public int Port { get; }

    public Uri RpcUrl { get; }

    /// <summary>The anvil process itself (not the shell around it); known once it has started.</summary>
    public int ProcessId => _output.AnvilProcessId;

    public bool HasExited => _shell.HasExited;

    /// <summary>Starts anvil and returns once it answers <c>eth_chainId</c> with <paramref name="chainId"/>.</summary>
    public static async Task<AnvilProcess> StartAsync(string anvilPath, long chainId, DevChainOptions options,
        HttpClient http, ILogger logger, CancellationToken cancellationToken)
    {
        if (!File.Exists(anvilPath))
        {
            throw new FileNotFoundException("anvil is not installed; run devchain/setup.sh.", anvilPath);
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

    public async ValueTask DisposeAsync()
    {
        if (!BeginStop())
        {
            return;
        }
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await _shell.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
        EndStop();
    }

    public void Dispose()
    {
        if (!BeginStop())
        {
            return;
        }
        if (!_shell.WaitForExit(StopTimeout))
        {
            Kill();
        }
        EndStop();
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

    /// <summary>Closes the watchdog's pipe (anvil gets SIGTERM and saves its state); false if already stopping.</summary>
    private bool BeginStop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return false;
        }
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        try
        {
            _shell.StandardInput.Close();
        }
        catch (IOException)
        {
            // The shell is gone already.
        }
        return true;
    }

    private void EndStop()
    {
        DevChainLog.AnvilStopped(_logger, ProcessId);
        _shell.Dispose();
    }

    private void Kill()
    {
        DevChainLog.AnvilKilled(_logger, ProcessId);
        try
        {
            _shell.Kill(entireProcessTree: true);
            _shell.WaitForExit(StopTimeout);
        }
        catch (InvalidOperationException)
        {
            // It exited in the meantime.
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();
}
