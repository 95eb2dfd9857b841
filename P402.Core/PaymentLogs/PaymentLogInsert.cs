using System.Data.Common;
using System.Security.Cryptography;
using P402.Core.Common;
using P402.Core.Data;

namespace P402.Core.PaymentLogs;

/// <summary>
/// Writes batches of entries in one transaction each, on a connection of its own that stays open between batches
/// (<see cref="DedicatedConnection"/>, on SQLite at <see cref="DatabaseOptions.PaymentLogSynchronous"/>) with one
/// INSERT prepared once. Plain ADO.NET and standard SQL, so it runs on every provider, without change tracking's cost
/// per row. One row per statement on purpose: Microsoft.Data.Sqlite binds each parameter by its name, and SQLite
/// finds a name by a linear search, so a 32-row statement (544 parameters) spent more on binding than it saved
/// (measured, P402.Benchmarks/README.md). Synchronous on purpose: <see cref="PaymentLogDrainer"/> calls it on its own
/// thread, so a slow commit never holds a thread-pool thread that requests need (Microsoft.Data.Sqlite's async
/// calls run synchronously anyway). Not thread-safe: one caller at a time.
/// </summary>
internal sealed class PaymentLogInsert(DatabaseOptions options) : IDisposable
{
    private static readonly string[] Columns =
    [
        "Id", "MerchantId", "ApiKeyId", "RequestId", "Operation", "StatusCode", "Valid", "Reason", "Message", "Payer", "PayTo",
        "Amount", "Network", "Resource", "SettlementId", "TxHash", "CreatedAt",
    ];

    private static readonly string Sql =
        $"INSERT INTO \"PaymentLog\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";

    private DbConnection? _connection;
    private DbCommand? _insert;
    private bool _prepared;

    /// <summary>Writes <paramref name="batch"/> in one transaction; after a failure the connection is closed and the next call opens a new one.</summary>
    public void Write(IReadOnlyList<PaymentLogEntry> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        AssignIds(batch);
        try
        {
            var insert = Prepare();
            using var transaction = insert.Connection!.BeginTransaction();
            insert.Transaction = transaction;
            foreach (var entry in batch)
            {
                Bind(insert.Parameters, entry);
                if (!_prepared)
                {
                    insert.Prepare(); // once the parameters have values: Npgsql cannot prepare an untyped parameter without one
                    _prepared = true;
                }
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
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
        (_insert, _connection, _prepared) = (null, null, false);
    }

    /// <summary>The entries' ids, from their own times and one draw of the RNG for the whole batch.</summary>
    private static void AssignIds(IReadOnlyList<PaymentLogEntry> batch)
    {
        var random = RandomNumberGenerator.GetBytes(batch.Count * Ids.RandomBytes);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Id.Length == 0)
            {
                var at = new DateTimeOffset(DateTime.SpecifyKind(batch[i].CreatedAt, DateTimeKind.Utc));
                batch[i].Id = Ids.New(PaymentLogEntry.IdPrefix, at, random.AsSpan(i * Ids.RandomBytes, Ids.RandomBytes));
            }
        }
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
#pragma warning disable CA2100 // The text is built from the constant column list above, never from input.
        command.CommandText = Sql;
#pragma warning restore CA2100
        foreach (var column in Columns)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + column;
            command.Parameters.Add(parameter);
        }
        return _insert = command;
    }

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
