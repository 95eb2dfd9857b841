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

    /// <summary>SQLite only: what an answered write survives. See <see cref="SqliteSynchronous"/>.</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>
    /// SQLite only: the same for receipt reuses, the high-frequency path. <c>Normal</c> by default: an answered
    /// reuse survives a crash of the process, and a power cut once the next fsync (of any other write, or of a
    /// checkpoint) has passed; <c>Full</c> fsyncs every group of reuses before answering.
    /// </summary>
    public SqliteSynchronous ReceiptReuseSynchronous { get; set; } = SqliteSynchronous.Normal;
}
