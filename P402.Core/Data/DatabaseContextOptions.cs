using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace P402.Core.Data;

/// <summary>The one place that turns <see cref="DatabaseOptions"/> into a configured EF Core provider.</summary>
internal static class DatabaseContextOptions
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(options.ConnectionString, o => o.CommandTimeout(options.CommandTimeoutSeconds))
                    .AddInterceptors(new SqliteConnectionInterceptor(options.SqliteSynchronous),
                        new SqliteWriteGateInterceptor(options.ConnectionString, SqliteWriteGate.Timeout));
                break;
            case DatabaseProvider.Postgres:
                // A pooled connection that a server restart broke fails its first command: retried (briefly) on a
                // new one, so requests resume as soon as the server is back; during an outage they fail within seconds.
                builder.UseNpgsql(PostgresConnectionString(options), o => o.CommandTimeout(options.CommandTimeoutSeconds)
                    .EnableRetryOnFailure(maxRetryCount: 2, maxRetryDelay: TimeSpan.FromSeconds(1), errorCodesToAdd: null));
                break;
            default:
                throw new NotSupportedException($"Unknown database provider {options.Provider}.");
        }
        return builder.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
    }

    /// <summary>The configured connection string with the pool size and timeouts of the options.</summary>
    public static string PostgresConnectionString(DatabaseOptions options) =>
        new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            MaxPoolSize = options.MaxPoolSize,
            Timeout = options.ConnectTimeoutSeconds,
            CommandTimeout = options.CommandTimeoutSeconds,
        }.ToString();
}
