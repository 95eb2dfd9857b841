using P402.Core.Chain;
using P402.Core.Data;
using P402.Core.Payments;

namespace P402.Core;

/// <summary>
/// The explicit start-up steps, in order: migrate the database, connect to (or start) the chain,
/// reconcile settlements a crash left unfinished. The host awaits it before serving requests.
/// </summary>
public sealed class CoreStartup(DatabaseMigrator migrator, ChainRuntime chain, SettlementReconciler reconciler)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await chain.StartAsync(cancellationToken);
        await reconciler.ReconcileAsync(cancellationToken);
    }
}
