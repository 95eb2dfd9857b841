using Microsoft.Extensions.Hosting;
using P402.Core.Common;

namespace P402.Core.Payments.Watcher;

/// <summary>
/// Several instances on one database: every instance's watcher follows every Submitted settlement, and the one that records the
/// outcome first wakes only the requests waiting in its own process. A request waiting here on a settlement another instance
/// finished is woken by that instance's event (LISTEN/NOTIFY): the row is read once and, if final, handed to the waiters, instead
/// of the request sleeping until its confirmation timeout. One instance alone publishes no such events: nothing here runs.
/// </summary>
internal sealed class RemoteSettlementWakeups(MerchantEvents events, SettlementWaiters waiters, SettlementStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        events.SubscribeFromOtherInstances(change =>
        {
            if (change is null)
            {
                // Events may have been missed: look at every settlement a request waits on.
                foreach (var id in waiters.Waiting)
                {
                    _ = WakeIfFinishedAsync(id);
                }
            }
            else if (change.Kind == MerchantEventKind.SettlementChanged && waiters.IsWaiting(change.EntityId))
            {
                _ = WakeIfFinishedAsync(change.EntityId);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WakeIfFinishedAsync(string settlementId)
    {
        try
        {
            if (await store.FindAsync(settlementId, CancellationToken.None) is { Status: SettlementStatus.Confirmed or SettlementStatus.Failed } finished)
            {
                waiters.Finished(finished);
            }
        }
#pragma warning disable CA1031 // A failed read only leaves the request to its own timeout, as before.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
