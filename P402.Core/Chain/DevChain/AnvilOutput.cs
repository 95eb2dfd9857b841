using System.Globalization;
using Microsoft.Extensions.Logging;

namespace P402.Core.Chain.DevChain;

/// <summary>
/// What anvil and its watchdog print. Standard output carries the anvil pid marker, anvil's banner (the
/// dev keys: never logged), the <c>Listening on 127.0.0.1:PORT</c> line that says which port anvil bound,
/// and then one line per request (dropped). Standard error carries anvil's errors: logged, and the last
/// lines kept for error messages.
/// </summary>
internal sealed class AnvilOutput(ILogger logger)
{
    private const string ListeningPrefix = "Listening on ";
    private const int KeptLines = 20;
    private readonly Queue<string> _tail = new();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _anvilProcessId = -1;

    public int AnvilProcessId => Volatile.Read(ref _anvilProcessId);

    /// <summary>The port anvil reported it listens on; completes when its <c>Listening on</c> line arrives.</summary>
    public Task<int> Port => _port.Task;

    public void AddOutput(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return;
        }
        if (line.StartsWith(AnvilWatchdog.PidMarker, StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(AnvilWatchdog.PidMarker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            Volatile.Write(ref _anvilProcessId, pid);
        }
        else if (!_port.Task.IsCompleted && TryParseListening(line, out var port))
        {
            _port.TrySetResult(port);
        }
    }

    public void AddError(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return;
        }
        DevChainLog.AnvilOutput(logger, line);
        lock (_lock)
        {
            _tail.Enqueue(line);
            if (_tail.Count > KeptLines)
            {
                _tail.Dequeue();
            }
        }
    }

    public string Tail()
    {
        lock (_lock)
        {
            return _tail.Count == 0 ? "(no output)" : string.Join(" | ", _tail);
        }
    }

    /// <summary><c>Listening on 127.0.0.1:38021</c> → 38021.</summary>
    internal static bool TryParseListening(string line, out int port)
    {
        port = 0;
        var colon = line.LastIndexOf(':');
        return line.StartsWith(ListeningPrefix, StringComparison.Ordinal)
            && colon > ListeningPrefix.Length
            && int.TryParse(line.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is > 0 and <= 65535;
    }
}
