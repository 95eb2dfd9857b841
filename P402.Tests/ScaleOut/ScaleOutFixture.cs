using P402.Tests.Infrastructure;
using P402.Tests.Infrastructure.Postgres;

namespace P402.Tests.ScaleOut;

/// <summary>
/// One anvil chain, one PostgreSQL database, and three real P402 processes on it (Rpc mode, one facilitator key),
/// plus the app in-process on the same database as a fourth instance that makes merchants and keys.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    public AnvilChainFixture Chain { get; } = new();

    public PostgresTestDatabase Database { get; private set; } = null!;

    /// <summary>The in-process instance (A for revocations).</summary>
    public P402AppFactory App { get; private set; } = null!;

    public IReadOnlyList<P402HostProcess> Instances { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Chain.InitializeAsync();
        Database = await PostgresTestDatabase.CreateAsync(await PostgresServer.SharedAsync());
        var settings = new Dictionary<string, string?>(Database.Settings);
        App = new P402AppFactory(Chain, settings: settings);
        _ = App.Services; // starts it: the database is migrated before the processes start
        Instances = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => P402HostProcess.StartAsync(App.Configuration, TimeSpan.FromSeconds(120))));
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
        await Chain.DisposeAsync();
    }
}
