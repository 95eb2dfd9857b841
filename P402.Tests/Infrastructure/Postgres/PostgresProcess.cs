using System.Diagnostics;
using System.Text;

namespace P402.Tests.Infrastructure.Postgres;

/// <summary>
/// The <c>postgres</c> server process behind a watchdog shell: the shell reports the server's PID, and when its stdin
/// closes (<see cref="StopAsync"/>, or the test process ending in any way) it sends SIGINT to that PID, waits, and
/// removes the server's folder unless told to keep it. Ready when the server says it accepts connections.
/// </summary>
internal sealed class PostgresProcess
{
    private const string Watchdog = """
        root="$1"; shift
        "$@" &
        pid=$!
        echo "postgres-pid $pid"
        read -r line || line=
        kill -INT "$pid" 2>/dev/null
        wait "$pid"
        [ "$line" = keep ] || rm -rf "$root"
        """;

    private readonly Process _shell;
    private readonly StringBuilder _log = new();

    private PostgresProcess(Process shell) => _shell = shell;

    public static bool RunsAsRoot => Environment.UserName == "root";

    public int ProcessId { get; private set; }

    /// <summary>Starts the server on <paramref name="dataDirectory"/>; the watchdog removes <paramref name="root"/> once it has stopped for good.</summary>
    public static async Task<PostgresProcess> StartAsync(string root, string dataDirectory, IEnumerable<string> settings, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Watchdog);
        start.ArgumentList.Add("postgres-watchdog");
        start.ArgumentList.Add(root);
        foreach (var argument in AsServerUser(Path.Combine(PostgresServer.BinDirectory, "postgres")))
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add("-D");
        start.ArgumentList.Add(dataDirectory);
        foreach (var setting in settings)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(setting);
        }
        var process = new PostgresProcess(Process.Start(start)!);
        var pid = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process._shell.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("postgres-pid ", StringComparison.Ordinal) == true)
            {
                pid.TrySetResult(int.Parse(e.Data["postgres-pid ".Length..], System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        process._shell.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException($"PostgreSQL exited before it was ready:\n{process.Log}"));
                return;
            }
            lock (process._log)
            {
                process._log.AppendLine(e.Data);
            }
            if (e.Data.Contains("database system is ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process._shell.BeginOutputReadLine();
        process._shell.BeginErrorReadLine();
        try
        {
            process.ProcessId = await pid.Task.WaitAsync(timeout);
            await ready.Task.WaitAsync(timeout);
        }
        catch
        {
            await process.StopAsync(keepData: false);
            throw;
        }
        return process;
    }

    /// <summary>Runs a tool to completion (as the server's user where asked) and fails with its output if it fails.</summary>
    public static async Task RunAsync(string file, IEnumerable<string> arguments, bool asServerUser = false)
    {
        var start = new ProcessStartInfo("/usr/bin/env") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in asServerUser ? AsServerUser(file) : [file])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>SIGINT to the server (fast shutdown) through the watchdog; waits for both to exit (and the folder to go, unless kept).</summary>
    public async Task StopAsync(bool keepData)
    {
        try
        {
            if (keepData)
            {
                await _shell.StandardInput.WriteLineAsync("keep");
            }
            _shell.StandardInput.Close();
        }
        catch (IOException)
        {
            // The shell is gone already.
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await _shell.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _shell.Kill(entireProcessTree: true);
        }
        _shell.Dispose();
    }

    private static string[] AsServerUser(string file) =>
        RunsAsRoot ? ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", file] : [file];
}
