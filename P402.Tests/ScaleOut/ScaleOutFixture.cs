using P402.Tests.Infrastructure;
using P402.Tests.Infrastructure.Postgres;

namespace P402.Tests.ScaleOut;

/// <summary>
/// One anvil chain, one PostgreSQL database, and three real P402 processes on it (Rpc mode, ONE facilitator key that all
/// three share through its lease), plus the app in-process on the same database as a fourth instance that makes
/// merchants and keys. Each test class gets its own (xunit class fixtures), so a class may kill its processes.
/// </summary>
public class ScaleOutFixture : IAsyncLifetime
{
    /// <summary>Short, so that a takeover after a SIGKILL is quick to watch.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(4);

    private PostgresServer? _ownServer;

    public AnvilChainFixture Chain { get; } = new();

    public PostgresTestDatabase Database { get; private set; } = null!;

    /// <summary>The PostgreSQL server of <see cref="Database"/>.</summary>
    public PostgresServer Server { get; private set; } = null!;

    /// <summary>The in-process instance (A for revocations).</summary>
    public P402AppFactory App { get; private set; } = null!;

    public IReadOnlyList<P402HostProcess> Instances { get; private set; } = [];

    /// <summary>A server of this fixture's own (one a test may restart) instead of the test process's shared one.</summary>
    protected virtual bool OwnServer => false;

    public virtual async Task InitializeAsync()
    {
        await Chain.InitializeAsync();
        Server = OwnServer ? _ownServer = await PostgresServer.StartAsync() : await PostgresServer.SharedAsync();
        Database = await PostgresTestDatabase.CreateAsync(Server);
        App = new P402AppFactory(Chain, settings: new Dictionary<string, string?>(Settings(Database.Settings)));
        _ = App.Services; // starts it: the database is migrated before the processes start
        Instances = await Task.WhenAll(Enumerable.Range(0, 3).Select(async i =>
            await P402HostProcess.StartAsync(await InstanceConfigurationAsync(i, App.Configuration), TimeSpan.FromSeconds(120), InstanceEnvironment(i))));
    }

    /// <summary>Every instance's settings (the in-process one's too) on <paramref name="database"/>.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings(IReadOnlyDictionary<string, string?> database) =>
        new Dictionary<string, string?>(database)
        {
            ["Chain:SignerLeaseSeconds"] = LeaseDuration.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chain:WatcherRecheckSeconds"] = "1",
        };

    /// <summary>Instance <paramref name="index"/>'s configuration (the in-process app's by default).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> InstanceConfigurationAsync(int index, IReadOnlyDictionary<string, string?> configuration) =>
        Task.FromResult(configuration);

    /// <summary>Instance <paramref name="index"/>'s plain environment variables besides its configuration (none by default).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? InstanceEnvironment(int index) => null;

    public virtual async Task DisposeAsync()
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
        if (_ownServer is not null)
        {
            await _ownServer.DisposeAsync();
        }
        await Chain.DisposeAsync();
    }
}
