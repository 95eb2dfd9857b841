using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace P402.Core.Data;

/// <summary>
/// One SQLite database file's writer, in this process: SQLite lets one connection write at a time, and a connection that finds the
/// lock taken sleeps in its busy handler (1, 2, 5 … 25 ms, then 50 and 100 ms, holding its thread) and retries. Under a few hundred
/// concurrent settlements those sleeps, not the writes, set the pace: the lock sat free while its waiters slept (measured: 6,090
/// busy sleeps of ~6 ms in 30 s, the server at 0.2 of a core, ~30 settlements/s). Writers wait here instead, in order and without a
/// thread each, and the next one starts the moment the previous one commits. A wait is bounded like SQLite's own busy timeout and
/// ends the same way, with SQLITE_BUSY.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "One per database file for the life of the process; a SemaphoreSlim whose wait handle is never used holds nothing to release.")]
internal sealed class SqliteWriteGate
{
    private const int SqliteBusy = 5;

    /// <summary>As long as a connection waits for the lock in SQLite's own busy handler (<c>PRAGMA busy_timeout=10000</c>).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Files = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>The gate of the database file (or in-memory database) <paramref name="connectionString"/> names.</summary>
    public static SqliteWriteGate For(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var key = source.Length == 0 || source.StartsWith(':') || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? connectionString
            : Path.GetFullPath(source);
        return Files.GetOrAdd(key, static _ => new SqliteWriteGate());
    }

    public void Enter(TimeSpan timeout)
    {
        if (!_writer.Wait(timeout))
        {
            throw Busy();
        }
    }

    public async Task EnterAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!await _writer.WaitAsync(timeout, cancellationToken))
        {
            throw Busy();
        }
    }

    public void Leave() => _writer.Release();

    /// <summary>Whether a writer holds the gate now (for tests: nothing may keep it once its write is over).</summary>
    public bool IsHeld => _writer.CurrentCount == 0;

    private static SqliteException Busy() => new("database is locked (waited for this process's other writers)", SqliteBusy);
}
