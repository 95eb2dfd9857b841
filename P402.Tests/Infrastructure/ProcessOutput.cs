using System.Collections.Concurrent;
using System.Diagnostics;

namespace P402.Tests.Infrastructure;

/// <summary>
/// What a started process prints on standard output and error: every line (for failure messages and
/// for tests that look for a log line), and the address Kestrel reports once it has bound, from its
/// <c>Now listening on: http://127.0.0.1:PORT</c> line. The process is started with port 0, so the
/// port is the one the kernel gave Kestrel and nobody else can have it.
/// </summary>
public sealed class ProcessOutput
{
    private const string ListeningPrefix = "Now listening on: ";
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts reading <paramref name="process"/>'s redirected output and error into a new <see cref="ProcessOutput"/>.</summary>
    public static ProcessOutput Read(Process process)
    {
        var output = new ProcessOutput();
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>
    /// The first address Kestrel reported, e.g. <c>http://127.0.0.1:41234/</c>. Throws with the last lines
    /// of output if the process exits first or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task<Uri> WaitForListeningAddressAsync(Process process, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var exited = process.WaitForExitAsync(cancellation.Token);
        await Task.WhenAny(_address.Task, exited);
        if (_address.Task.IsCompletedSuccessfully)
        {
            return _address.Task.Result;
        }
        var why = process.HasExited ? $"exited with code {process.ExitCode}" : $"did not report a listening address within {timeout.TotalSeconds} s";
        throw new InvalidOperationException($"The process {why}:\n{Tail()}");
    }

    public string Tail(int lines = 40) => string.Join('\n', _lines.TakeLast(lines));

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        _lines.Enqueue(line);
        var at = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
        if (at >= 0 && Uri.TryCreate(line[(at + ListeningPrefix.Length)..].Trim().TrimEnd('/') + "/", UriKind.Absolute, out var address))
        {
            _address.TrySetResult(address);
        }
    }
}
