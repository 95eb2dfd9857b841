using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using P402.Core.Data;
using P402.Core.Payments.Watcher;

namespace P402.Core.Payments;

/// <summary>
/// Several instances on one PostgreSQL database: keeps this instance's heartbeat alive and releases the Pending settlements
/// of instances whose heartbeat has expired (dead before they sent anything), so that the caller's retry on any instance
/// settles them instead of waiting for the dead instance's restart. A request here waiting on such a settlement is woken
/// with its failure. One SQLite instance releases its leftovers at start-up (<see cref="SettlementWatchers.FirstPassAsync"/>).
/// </summary>
internal sealed class DeadReservations(InstanceHeartbeats heartbeats, SettlementStore store, SettlementWaiters waiters, TimeProvider time,
    ILogger<DeadReservations> logger) : BackgroundService
{
    private static readonly TimeSpan ForgetEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!heartbeats.Shared)
        {
            return;
        }
        var forgotAt = time.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await heartbeats.BeatAsync(stoppingToken);
                foreach (var released in await store.ReleaseDeadReservationsAsync(starting: false, stoppingToken))
                {
                    PaymentLog.ReleasedDead(logger, released.Id, released.ReservedBy ?? "an instance of an earlier version");
                    waiters.Finished(released);
                }
                if (time.GetElapsedTime(forgotAt) > ForgetEvery)
                {
                    await heartbeats.ForgetLongDeadAsync(stoppingToken);
                    forgotAt = time.GetTimestamp();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be away for a while: the next beat tries again (the leases expire meanwhile, as they should).
            catch (Exception failed)
#pragma warning restore CA1031
            {
                PaymentLog.HeartbeatFailed(logger, failed);
            }
            try
            {
                await Task.Delay(heartbeats.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
