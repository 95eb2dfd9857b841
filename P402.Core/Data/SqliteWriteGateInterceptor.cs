using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace P402.Core.Data;

/// <summary>
/// Puts EF Core's SQLite writes through the file's <see cref="SqliteWriteGate"/>: a transaction (SaveChanges of several rows;
/// Microsoft.Data.Sqlite begins it IMMEDIATE, so it takes SQLite's write lock at once anyway) from its start to its commit or
/// rollback, a single write statement outside one (INSERT … RETURNING, ExecuteUpdate) while it runs. Reads are never gated (WAL
/// readers do not wait for the writer). Whatever a connection still holds when it closes is let go, so a transaction disposed
/// without a commit or rollback cannot keep the gate.
/// </summary>
internal sealed class SqliteWriteGateInterceptor(string connectionString, TimeSpan timeout) : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<DbConnection, Holding> Holders = [];
    private static readonly ConditionalWeakTable<DbTransaction, DbConnection> Transactions = [];

    private readonly SqliteWriteGate _gate = SqliteWriteGate.For(connectionString);

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        Enter(connection);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, cancellationToken);
        return result;
    }

    // Microsoft.Data.Sqlite forgets a transaction's connection once it completes: which connection holds it is noted at its start.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Transactions.AddOrUpdate(result, connection);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => LeaveTransaction(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveTransaction(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => LeaveTransaction(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveTransaction(transaction);
        return Task.CompletedTask;
    }

    // A failed commit or rollback leaves the transaction for its disposal; the connection lets go when it closes (below).

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterFor(command);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterForAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterFor(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await EnterForAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterFor(command);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        await EnterForAsync(command, cancellationToken);
        return result;
    }

    // A statement outside a transaction is done when it has run (non-query, scalar) or when its reader closes (RETURNING).
    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveStatement(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        LeaveStatement(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveStatement(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveStatement(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveStatement(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveStatement(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return Task.CompletedTask;
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    private void EnterFor(DbCommand command)
    {
        if (NeedsGate(command))
        {
            Enter(command.Connection!, statement: true);
        }
    }

    private async Task EnterForAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (NeedsGate(command))
        {
            await EnterAsync(command.Connection!, cancellationToken, statement: true);
        }
    }

    private void Enter(DbConnection connection, bool statement = false)
    {
        var holding = Holders.GetOrCreateValue(connection);
        if (holding.Held)
        {
            return;
        }
        _gate.Enter(timeout);
        (holding.Held, holding.Statement) = (true, statement);
    }

    private async Task EnterAsync(DbConnection connection, CancellationToken cancellationToken, bool statement = false)
    {
        var holding = Holders.GetOrCreateValue(connection);
        if (holding.Held)
        {
            return;
        }
        await _gate.EnterAsync(timeout, cancellationToken);
        (holding.Held, holding.Statement) = (true, statement);
    }

    private void LeaveStatement(DbCommand command)
    {
        if (command.Connection is { } connection && Holders.TryGetValue(connection, out var holding) && holding is { Held: true, Statement: true })
        {
            Leave(connection);
        }
    }

    private void Leave(DbConnection? connection)
    {
        if (connection is not null && Holders.TryGetValue(connection, out var holding) && holding.Held)
        {
            (holding.Held, holding.Statement) = (false, false);
            _gate.Leave();
        }
    }

    private void LeaveTransaction(DbTransaction transaction)
    {
        if (Transactions.TryGetValue(transaction, out var connection))
        {
            Transactions.Remove(transaction);
            Leave(connection);
        }
    }

    /// <summary>A write statement on a connection that holds no transaction of its own (inside one, the transaction holds the gate).</summary>
    private static bool NeedsGate(DbCommand command) =>
        command.Connection is not null && command.Transaction is null && IsWrite(command.CommandText);

    /// <summary>Whether the statement writes: its first keyword, after blank lines and <c>--</c> comments (EF's tags). Anything doubtful counts as a read.</summary>
    internal static bool IsWrite(string sql)
    {
        var text = sql.AsSpan();
        while (true)
        {
            text = text.TrimStart();
            if (!text.StartsWith("--"))
            {
                break;
            }
            var end = text.IndexOf('\n');
            text = end < 0 ? [] : text[(end + 1)..];
        }
        foreach (var keyword in (ReadOnlySpan<string>)["INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER"])
        {
            if (text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase) && (text.Length == keyword.Length || !char.IsLetterOrDigit(text[keyword.Length])))
            {
                return true;
            }
        }
        return false;
    }

    private sealed class Holding
    {
        public bool Held { get; set; }

        public bool Statement { get; set; }
    }
}
