using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using P402.Core.Data;

namespace P402.Core.PaymentLogs;

/// <summary>
/// Writes a batch of entries with one prepared INSERT in one transaction on the context's own connection: plain
/// ADO.NET and standard SQL, so it runs on every provider, without change tracking's cost per row. Synchronous on
/// purpose: the caller runs it on a thread of its own, so that a slow commit (an fsync) never holds a thread-pool
/// thread that requests need (Microsoft.Data.Sqlite's async calls run synchronously anyway).
/// </summary>
internal static class PaymentLogInsert
{
    private static readonly string[] Columns =
    [
        "Id", "MerchantId", "ApiKeyId", "RequestId", "Operation", "StatusCode", "Valid", "Reason", "Message", "Payer", "PayTo",
        "Amount", "Network", "Resource", "SettlementId", "TxHash", "CreatedAt",
    ];

    private static readonly string Sql =
        $"INSERT INTO \"PaymentLog\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";

    public static void Run(P402DbContext db, IReadOnlyList<PaymentLogEntry> batch)
    {
        var connection = db.Database.GetDbConnection();
        db.Database.OpenConnection();
        try
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
#pragma warning disable CA2100 // The text is built from the constant column list above, never from input.
            command.CommandText = Sql;
#pragma warning restore CA2100
            foreach (var column in Columns)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + column;
                command.Parameters.Add(parameter);
            }
            command.Prepare();
            foreach (var entry in batch)
            {
                Bind(command.Parameters, entry);
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    private static void Bind(DbParameterCollection p, PaymentLogEntry e)
    {
        object?[] values =
        [
            e.Id, e.MerchantId, e.ApiKeyId, e.RequestId, e.Operation.ToString(), e.StatusCode, e.Valid, e.Reason, e.Message, e.Payer, e.PayTo,
            e.Amount, e.Network, e.Resource, e.SettlementId, e.TxHash, e.CreatedAt,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            p[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
