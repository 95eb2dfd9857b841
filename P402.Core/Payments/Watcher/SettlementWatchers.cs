using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using P402.Core.Chain;
using P402.Core.Merchants;

namespace P402.Core.Payments.Watcher;

/// <summary>
/// The settlement watchers, one <see cref="BackgroundService"/> per started network. Their first pass is
/// the start-up step that finishes what the previous run left (<see cref="FirstPassAsync"/>, awaited
/// before requests are served); the host then starts them and stops them at shutdown.
/// </summary>
public sealed class SettlementWatchers(PaymentNetworks networks, SettlementStore store, SettlementConfirmer confirmer, SettlementWaiters waiters,
    MerchantService merchants, IOptions<ChainOptions> options, TimeProvider time, ILoggerFactory loggers) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly ILogger _logger = loggers.CreateLogger<SettlementWatchers>();
    private IReadOnlyList<SettlementWatcher>? _watchers;

    public IReadOnlyList<WatcherStatus> Statuses => [.. (_watchers ?? []).Select(w => w.Status)];

    /// <summary>
    /// Pending rows never got a signed transaction, so they fail safely (on PostgreSQL only those of dead instances:
    /// <see cref="SettlementStore.ReleaseDeadReservationsAsync"/>); every Submitted row is then
    /// looked at by its network's watcher (receipt, or re-broadcast of the stored transaction).
    /// </summary>
    public async Task FirstPassAsync(CancellationToken cancellationToken)
    {
        var watchers = Watchers();
        if (store.SharesDatabase)
        {
            await store.ReleaseDeadReservationsAsync(starting: true, cancellationToken);
        }
        var unfinished = await store.ListUnfinishedAsync(cancellationToken);
        if (unfinished.Count > 0)
        {
            WatcherLog.FirstPass(_logger, unfinished.Count);
        }
        foreach (var settlement in unfinished)
        {
            // (On PostgreSQL a Pending row may be a live instance's: only dead instances' were released, above.)
            if (settlement.Status == SettlementStatus.Pending ? !store.SharesDatabase : settlement.TxHash is null || networks.Find(settlement.Network) is null)
            {
                await store.MarkFailedAsync(settlement, PaymentCode.SettlementFailed, "Interrupted before a transaction was sent.", cancellationToken);
            }
        }
        await Task.WhenAll(watchers.Select(w => w.TryPassAsync(firstPass: true, cancellationToken)));
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Watchers().Select(w => w.StartAsync(cancellationToken)));

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll((_watchers ?? []).Select(w => w.StopAsync(cancellationToken)));

    public void Dispose()
    {
        foreach (var watcher in _watchers ?? [])
        {
            watcher.Dispose();
        }
    }

    private IReadOnlyList<SettlementWatcher> Watchers()
    {
        lock (_gate)
        {
            return _watchers ??= [.. networks.All.Select(network => new SettlementWatcher(network, store, confirmer, waiters, merchants, options.Value, time,
                loggers.CreateLogger($"{typeof(SettlementWatcher).FullName}[{network.Network}]")))];
        }
    }
}
