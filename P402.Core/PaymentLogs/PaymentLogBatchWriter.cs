using P402.Core.Data;

namespace P402.Core.PaymentLogs;

/// <summary>
/// Writes one batch of payment-log entries to the database, all or none. Not thread-safe: the drainer's thread is its
/// only caller. After a failure the next call starts on a new connection.
/// </summary>
internal interface IPaymentLogBatchWriter : IDisposable
{
    void Write(IReadOnlyList<PaymentLogEntry> batch);
}

/// <summary>The batch writer of each provider: SQLite's prepared INSERT, PostgreSQL's binary COPY.</summary>
internal static class PaymentLogBatchWriter
{
    public static IPaymentLogBatchWriter For(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => new PaymentLogInsert(options),
            DatabaseProvider.Postgres => new PaymentLogCopy(options),
            _ => throw new NotSupportedException($"Unknown database provider {options.Provider}."),
        };
    }
}
