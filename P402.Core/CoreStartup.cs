using P402.Core.Chain;
using P402.Core.Data;
using P402.Core.Payments.Watcher;

namespace P402.Core;

/// <summary>
/// The explicit start-up steps, in order: migrate the database, load the data-protection key ring, announce this instance (PostgreSQL), connect to (or start) the chain,
/// let each network's settlement watcher finish what a crash left unfinished (its first pass). The host awaits it before serving requests.
/// </summary>
public sealed class CoreStartup(DatabaseMigrator migrator, DataProtectionKeyRing keyRing, InstanceHeartbeats heartbeats, ChainRuntime chain, SettlementWatchers watchers)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await keyRing.LoadAsync(cancellationToken);
        if (heartbeats.Shared)
        {
            await heartbeats.BeatAsync(cancellationToken); // alive before its first reservation
        }
        await chain.StartAsync(cancellationToken);
        await watchers.FirstPassAsync(cancellationToken);
    }
}
