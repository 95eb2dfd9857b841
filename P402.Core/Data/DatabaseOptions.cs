using System.ComponentModel.DataAnnotations;

namespace P402.Core.Data;

/// <summary>Section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (embedded default, one instance) or <c>Postgres</c> (scale-out).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "Data Source=.data/p402.db";

    /// <summary>How long one statement may run before it fails (both providers).</summary>
    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// PostgreSQL only: how long opening a connection may take. Short, so that a request during an outage
    /// answers 503 quickly instead of holding its caller.
    /// </summary>
    [Range(1, 120)]
    public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>PostgreSQL only: the most connections one instance keeps open (Npgsql's pool).</summary>
    [Range(1, 1000)]
    public int MaxPoolSize { get; set; } = 50;

    /// <summary>
    /// PostgreSQL only: how long an instance that stopped renewing its heartbeat (renewed three times as often) counts as alive.
    /// Past it, the others release its reservations that it never sent (a retry then settles them). Long enough that a busy
    /// instance is not taken for dead (if it were, nothing would be sent twice, but its caller would get a failure to retry).
    /// </summary>
    [Range(2, 3600)]
    public int InstanceHeartbeatSeconds { get; set; } = 30;

    /// <summary>SQLite only: what an answered write survives. See <see cref="SqliteSynchronous"/>.</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>
    /// SQLite only: the same for receipt reuses, the high-frequency path. <c>Normal</c> by default: an answered
    /// reuse survives a crash of the process, and a power cut once the next fsync (of any other write, or of a
    /// checkpoint) has passed; <c>Full</c> fsyncs every group of reuses before answering.
    /// </summary>
    public SqliteSynchronous ReceiptReuseSynchronous { get; set; } = SqliteSynchronous.Normal;

    /// <summary>
    /// SQLite only: the same for the payment log's batches (a record of answers already given, written off the
    /// request path). <c>Normal</c> by default: a batch survives a crash of the process, and a power cut once the next
    /// fsync of any other write or checkpoint has passed; <c>Full</c> fsyncs every batch.
    /// </summary>
    public SqliteSynchronous PaymentLogSynchronous { get; set; } = SqliteSynchronous.Normal;
}
