using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace P402.Tests.E2E;

/// <summary>The real app (Development, dev chain) over its own SQLite file.</summary>
public sealed class DashboardAppFactory(string databasePath) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:ConnectionString", $"Data Source={databasePath}");
    }
}
