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
}
