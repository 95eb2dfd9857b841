using System.Data.Common;
using P402.Core.Data;

namespace P402.Core.PaymentLogs;

/// <summary>
/// SQLite: a batch is one transaction on a connection of its own that stays open between batches
/// (<see cref="DedicatedConnection"/>, at <see cref="DatabaseOptions.PaymentLogSynchronous"/>) with one INSERT prepared once,
/// without change tracking's cost per row. One row per statement on purpose: Microsoft.Data.Sqlite binds each parameter by its
/// name, and SQLite finds a name by a linear search, so a 32-row statement (544 parameters) spent more on binding than it
/// saved (measured, P402.Benchmarks/README.md). The transaction goes through the file's <see cref="SqliteWriteGate"/> like
/// every other write of this process: outside it, a settlement's write that found the batch holding SQLite's lock would
/// sleep in SQLite's busy handler on a thread-pool thread. Synchronous on purpose: <see cref="PaymentLogDrainer"/> calls it
/// on its own thread, so a slow commit or a wait at the gate never holds a thread that requests need.
/// </summary>
internal sealed class PaymentLogInsert(DatabaseOptions options) : IPaymentLogBatchWriter
{
    private static readonly string Sql =
        $"INSERT INTO {PaymentLogRows.Table} ({PaymentLogRows.ColumnList}) VALUES ({string.Join(", ", PaymentLogRows.Columns.Select(c => "@" + c))})";

    private readonly SqliteWriteGate _gate = SqliteWriteGate.For(options.ConnectionString);
    private DbConnection? _connection;
    private DbCommand? _insert;

    /// <summary>Writes <paramref name="batch"/> in one transaction; after a failure the connection is closed and the next call opens a new one.</summary>
    public void Write(IReadOnlyList<PaymentLogEntry> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        PaymentLogRows.AssignIds(batch);
        try
        {
            var insert = Prepare();
            _gate.Enter(SqliteWriteGate.Timeout);
            try
            {
                using var transaction = insert.Connection!.BeginTransaction();
                insert.Transaction = transaction;
                foreach (var entry in batch)
                {
                    Bind(insert.Parameters, entry);
                    insert.ExecuteNonQuery();
                }
                transaction.Commit();
            }
            finally
            {
                _gate.Leave();
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _insert?.Dispose();
        _connection?.Dispose();
        (_insert, _connection) = (null, null);
    }

    private DbCommand Prepare()
    {
        if (_insert is not null)
        {
            return _insert;
        }
        // Blocking is fine here: the caller is the drainer's own thread.
        _connection = DedicatedConnection.OpenAsync(options, options.PaymentLogSynchronous, CancellationToken.None).GetAwaiter().GetResult();
        var command = _connection.CreateCommand();
#pragma warning disable CA2100 // The text is built from the constant column list, never from input.
        command.CommandText = Sql;
#pragma warning restore CA2100
        foreach (var column in PaymentLogRows.Columns)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + column;
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return _insert = command;
    }

    // In the order of PaymentLogRows.Columns.
    private static void Bind(DbParameterCollection p, PaymentLogEntry e)
    {
        p[0].Value = e.Id;
        p[1].Value = e.MerchantId;
        p[2].Value = (object?)e.ApiKeyId ?? DBNull.Value;
        p[3].Value = e.RequestId;
        p[4].Value = e.Operation.ToString();
        p[5].Value = e.StatusCode;
        p[6].Value = e.Valid;
        p[7].Value = (object?)e.Reason ?? DBNull.Value;
        p[8].Value = (object?)e.Message ?? DBNull.Value;
        p[9].Value = (object?)e.Payer ?? DBNull.Value;
        p[10].Value = (object?)e.PayTo ?? DBNull.Value;
        p[11].Value = (object?)e.Amount ?? DBNull.Value;
        p[12].Value = (object?)e.Network ?? DBNull.Value;
        p[13].Value = (object?)e.Resource ?? DBNull.Value;
        p[14].Value = (object?)e.SettlementId ?? DBNull.Value;
        p[15].Value = (object?)e.TxHash ?? DBNull.Value;
        p[16].Value = e.CreatedAt;
    }
}
