using System.Globalization;
using Microsoft.Extensions.Logging;

namespace P402.Core.Chain.DevChain;

/// <summary>What anvil and its watchdog print: the anvil pid marker, and the last lines for error messages.</summary>
internal sealed class AnvilOutput(ILogger logger)
{
    private const int KeptLines = 20;
    private readonly Queue<string> _tail = new();
    private readonly Lock _lock = new();
    private int _anvilProcessId = -1;

    public int AnvilProcessId => Volatile.Read(ref _anvilProcessId);

    public void Add(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return;
        }
        if (line.StartsWith(AnvilWatchdog.PidMarker, StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(AnvilWatchdog.PidMarker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            Volatile.Write(ref _anvilProcessId, pid);
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

    public bool Mentions(string text)
    {
        lock (_lock)
        {
            return _tail.Any(line => line.Contains(text, StringComparison.OrdinalIgnoreCase));
        }
    }

    public string Tail()
    {
        lock (_lock)
        {
            return _tail.Count == 0 ? "(no output)" : string.Join(" | ", _tail);
        }
    }
}
