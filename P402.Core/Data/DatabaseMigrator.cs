using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace P402.Core.Data;

/// <summary>
/// The explicit start-up step that brings the database to the current migration of its provider's set.
/// On PostgreSQL several instances may start at once: they take turns under an advisory lock, and the history
/// table is created first (idempotently), so that a fresh database logs no failed query.
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<P402DbContext> contexts, IOptions<DatabaseOptions> options)
{
    private const long PostgresMigrationLock = 402_402_402;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        switch (options.Value.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteDirectory(options.Value.ConnectionString);
                await db.Database.MigrateAsync(cancellationToken);
                // WAL lets readers run beside the single writer; it is a property of the file, set once.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                break;
            case DatabaseProvider.Postgres:
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({PostgresMigrationLock})", cancellationToken);
                try
                {
                    await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
                    await db.Database.MigrateAsync(cancellationToken);
                }
                finally
                {
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({PostgresMigrationLock})", CancellationToken.None);
                }
                break;
            default:
                throw new NotSupportedException($"Unknown database provider {options.Value.Provider}.");
        }
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
