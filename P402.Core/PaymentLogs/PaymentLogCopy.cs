using Npgsql;
using NpgsqlTypes;
using P402.Core.Data;

namespace P402.Core.PaymentLogs;

/// <summary>
/// PostgreSQL: a batch is one binary <c>COPY … FROM STDIN</c> on a connection kept open between batches, one round trip and
/// one implicit transaction for all its rows. One INSERT per row cost the server a statement's execution per row (its
/// backends' CPU per /verify, P402.Benchmarks/README.md); COPY is PostgreSQL's bulk path, and Npgsql writes its binary
/// format. A COPY that fails is rolled back whole, as the batch's transaction would be.
/// </summary>
internal sealed class PaymentLogCopy(DatabaseOptions options) : IPaymentLogBatchWriter
{
    private static readonly string Sql = $"COPY {PaymentLogRows.Table} ({PaymentLogRows.ColumnList}) FROM STDIN (FORMAT BINARY)";

    private NpgsqlConnection? _connection;

    public void Write(IReadOnlyList<PaymentLogEntry> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        PaymentLogRows.AssignIds(batch);
        try
        {
            // Blocking is fine here: the caller is the drainer's own thread.
            _connection ??= (NpgsqlConnection)DedicatedConnection.OpenAsync(options, options.PaymentLogSynchronous, CancellationToken.None).GetAwaiter().GetResult();
            using var copy = _connection.BeginBinaryImport(Sql);
            foreach (var entry in batch)
            {
                WriteRow(copy, entry);
            }
            copy.Complete();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
    }

    // In the order of PaymentLogRows.Columns.
    private static void WriteRow(NpgsqlBinaryImporter copy, PaymentLogEntry e)
    {
        copy.StartRow();
        copy.Write(e.Id, NpgsqlDbType.Varchar);
        copy.Write(e.MerchantId, NpgsqlDbType.Varchar);
        Text(copy, e.ApiKeyId);
        copy.Write(e.RequestId, NpgsqlDbType.Varchar);
        copy.Write(e.Operation.ToString(), NpgsqlDbType.Varchar);
        copy.Write(e.StatusCode, NpgsqlDbType.Integer);
        copy.Write(e.Valid, NpgsqlDbType.Boolean);
        Text(copy, e.Reason);
        Text(copy, e.Message);
        Text(copy, e.Payer);
        Text(copy, e.PayTo);
        if (e.Amount is { } amount)
        {
            copy.Write(amount, NpgsqlDbType.Bigint);
        }
        else
        {
            copy.WriteNull();
        }
        Text(copy, e.Network);
        Text(copy, e.Resource);
        Text(copy, e.SettlementId);
        Text(copy, e.TxHash);
        copy.Write(DateTime.SpecifyKind(e.CreatedAt, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
    }

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Varchar);
        }
    }
}
