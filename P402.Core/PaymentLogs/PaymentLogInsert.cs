using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using P402.Core.Common;
using P402.Core.Data;

namespace P402.Core.PaymentLogs;

/// <summary>
/// Writes batches of entries in one transaction each, on a connection of its own that stays open between batches
/// (<see cref="DedicatedConnection"/>, on SQLite at <see cref="DatabaseOptions.PaymentLogSynchronous"/>) with two
/// statements prepared once: a multi-row INSERT of <see cref="RowsPerStatement"/> rows and a one-row INSERT for the
/// rest. Plain ADO.NET and standard SQL, so it runs on every provider, without change tracking's cost per row.
/// Synchronous on purpose: <see cref="PaymentLogDrainer"/> calls it on its own thread, so a slow commit never holds
/// a thread-pool thread that requests need (Microsoft.Data.Sqlite's async calls run synchronously anyway).
/// Not thread-safe: one caller at a time.
/// </summary>
internal sealed class PaymentLogInsert(DatabaseOptions options) : IDisposable
{
    /// <summary>Rows per multi-row statement: 17 columns × 32 = 544 parameters, far below SQLite's and PostgreSQL's limits.</summary>
    public const int RowsPerStatement = 32;

    private static readonly string[] Columns =
    [
        "Id", "MerchantId", "ApiKeyId", "RequestId", "Operation", "StatusCode", "Valid", "Reason", "Message", "Payer", "PayTo",
        "Amount", "Network", "Resource", "SettlementId", "TxHash", "CreatedAt",
    ];

    private DbConnection? _connection;
    private DbCommand? _many;
    private DbCommand? _one;

    /// <summary>Writes <paramref name="batch"/> in one transaction; after a failure the connection is closed and the next call opens a new one.</summary>
    public void Write(IReadOnlyList<PaymentLogEntry> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        AssignIds(batch);
        try
        {
            var connection = Open();
            using var transaction = connection.BeginTransaction();
            _many!.Transaction = transaction;
            _one!.Transaction = transaction;
            var i = 0;
            for (; i + RowsPerStatement <= batch.Count; i += RowsPerStatement)
            {
                for (var row = 0; row < RowsPerStatement; row++)
                {
                    Bind(_many.Parameters, row * Columns.Length, batch[i + row]);
                }
                _many.ExecuteNonQuery();
            }
            for (; i < batch.Count; i++)
            {
                Bind(_one.Parameters, 0, batch[i]);
                _one.ExecuteNonQuery();
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
        _many?.Dispose();
        _one?.Dispose();
        _connection?.Dispose();
        (_many, _one, _connection) = (null, null, null);
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

    private DbConnection Open()
    {
        if (_connection is not null)
        {
            return _connection;
        }
        // Blocking is fine here: the caller is the drainer's own thread.
        _connection = DedicatedConnection.OpenAsync(options, options.PaymentLogSynchronous, CancellationToken.None).GetAwaiter().GetResult();
        _many = Prepare(_connection, RowsPerStatement);
        _one = Prepare(_connection, 1);
        return _connection;
    }

    private static DbCommand Prepare(DbConnection connection, int rows)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder("INSERT INTO \"PaymentLog\" (")
            .AppendJoin(", ", Columns.Select(c => $"\"{c}\""))
            .Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < Columns.Length; column++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{row * Columns.Length + column}";
                command.Parameters.Add(parameter);
                sql.Append(column == 0 ? "" : ", ").Append(parameter.ParameterName);
            }
            sql.Append(')');
        }
#pragma warning disable CA2100 // The text is built from the constant column list above, never from input.
        command.CommandText = sql.ToString();
#pragma warning restore CA2100
        command.Prepare();
        return command;
    }

    private static void Bind(DbParameterCollection p, int first, PaymentLogEntry e)
    {
        p[first].Value = e.Id;
        p[first + 1].Value = e.MerchantId;
        p[first + 2].Value = (object?)e.ApiKeyId ?? DBNull.Value;
        p[first + 3].Value = e.RequestId;
        p[first + 4].Value = e.Operation.ToString();
        p[first + 5].Value = e.StatusCode;
        p[first + 6].Value = e.Valid;
        p[first + 7].Value = (object?)e.Reason ?? DBNull.Value;
        p[first + 8].Value = (object?)e.Message ?? DBNull.Value;
        p[first + 9].Value = (object?)e.Payer ?? DBNull.Value;
        p[first + 10].Value = (object?)e.PayTo ?? DBNull.Value;
        p[first + 11].Value = (object?)e.Amount ?? DBNull.Value;
        p[first + 12].Value = (object?)e.Network ?? DBNull.Value;
        p[first + 13].Value = (object?)e.Resource ?? DBNull.Value;
        p[first + 14].Value = (object?)e.SettlementId ?? DBNull.Value;
        p[first + 15].Value = (object?)e.TxHash ?? DBNull.Value;
        p[first + 16].Value = e.CreatedAt;
    }
}
