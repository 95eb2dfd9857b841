using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace P402.Core.Chain.DevChain;

/// <summary>
/// One anvil node on a loopback port, owned by this process: it stops on Dispose, when this process
/// exits, and when this process dies (see <see cref="AnvilWatchdog"/>).
/// </summary>
internal sealed partial class AnvilProcess : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _shell;
    private readonly AnvilOutput _output;
    private readonly ILogger _logger;
    private int _stopped;
    private Uri? _rpcUrl;

    private AnvilProcess(Process shell, AnvilOutput output, ILogger logger)
    {
        _shell = shell;
        _output = output;
        _logger = logger;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>, PORT being the one anvil reported it bound.</summary>
    public Uri RpcUrl => _rpcUrl ?? throw new InvalidOperationException("anvil has not reported its port yet.");

    /// <summary>The anvil process itself (not the shell around it); known once it has started.</summary>
    public int ProcessId => _output.AnvilProcessId;

    public bool HasExited => _shell.HasExited;

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
            Kill(log: true);
        }
        EndStop(log: true);
    }

    public void Dispose() => Stop(log: true);

    private void Stop(bool log)
    {
        if (!BeginStop())
        {
            return;
        }
        if (!_shell.WaitForExit(StopTimeout))
        {
            Kill(log);
        }
        EndStop(log);
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

    private void EndStop(bool log)
    {
        if (log)
        {
            DevChainLog.AnvilStopped(_logger, ProcessId);
        }
        _shell.Dispose();
    }

    private void Kill(bool log)
    {
        if (log)
        {
            DevChainLog.AnvilKilled(_logger, ProcessId);
        }
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

    /// <summary>The app is exiting without having disposed us; its logging may be gone already, so stop quietly.</summary>
    private void OnProcessExit(object? sender, EventArgs e) => Stop(log: false);
}
