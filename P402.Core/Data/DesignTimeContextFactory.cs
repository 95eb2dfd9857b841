using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace P402.Core.Data;

/// <summary>
/// For <c>dotnet ef migrations add</c> only: a context on the provider named after <c>--</c>
/// (<c>-- Sqlite</c>, the default, or <c>-- Postgres</c>). Scaffolding reads the model and the provider's
/// snapshot; it connects to no database, so the connection strings are placeholders.
/// </summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<P402DbContext>
{
    public P402DbContext CreateDbContext(string[] args)
    {
        var provider = args.Length > 0 ? Enum.Parse<DatabaseProvider>(args[0], ignoreCase: true) : DatabaseProvider.Sqlite;
        var options = new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Postgres ? "Host=localhost;Database=p402" : "Data Source=p402-design.db",
        };
        // Identity reads its schema version from the application's services, as in the host.
        var services = new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = P402DbContext.IdentitySchemaVersion)
            .BuildServiceProvider();
        var builder = new DbContextOptionsBuilder<P402DbContext>().UseApplicationServiceProvider(services);
        DatabaseContextOptions.Configure(builder, options);
        return new P402DbContext(builder.Options);
    }
}
