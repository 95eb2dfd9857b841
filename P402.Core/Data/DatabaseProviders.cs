using Microsoft.EntityFrameworkCore;

namespace P402.Core.Data;

/// <summary>Which provider a context runs on, for the few places in <c>Data/</c> that differ.</summary>
internal static class DatabaseProviders
{
    public static DatabaseProvider Of(DbContext context) =>
        context.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
            "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.Postgres,
            var other => throw new NotSupportedException($"P402 has no migrations for the provider {other}."),
        };
}
