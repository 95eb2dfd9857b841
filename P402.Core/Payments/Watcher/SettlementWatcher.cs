using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using P402.Core.Chain;
using P402.Core.Chain.Rpc;
using P402.Core.Merchants;
using P402.Core.Payments.Sending;

namespace P402.Core.Payments.Watcher;

/// <summary>
/// Follows one network block by block and finishes its Submitted settlements: at each new block (and
/// at least every <see cref="ChainOptions.WatcherRecheckSeconds"/>) it asks the node for all their
/// receipts (every live attempt's) in one batch, records Confirmed or Failed and wakes the requests waiting
/// on them. A transaction unmined for <see cref="ChainOptions.StuckAfterBlocks"/> blocks goes to
/// <see cref="StuckTransactions"/>: replaced when priced below the base fee, re-broadcast when forgotten.
/// </summary>
internal sealed class SettlementWatcher(PaymentNetwork network, SettlementStore store, SettlementConfirmer confirmer, SettlementWaiters waiters,
    MerchantService merchants, ChainOptions options, TimeProvider time, ILogger logger) : BackgroundService
{
    private readonly ReceiptBatch _receipts = new(network.Rpc);
    private readonly StuckTransactions _stuck = new(network, store, confirmer, waiters, merchants, options, logger);
    private readonly NonceGaps _gaps = new(network, options, time, logger);
    private readonly Dictionary<string, long> _unminedSince = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _pass = new(1, 1);
    private long? _head;
    private long _lastPass;
    private DateTimeOffset? _lastPassAt;
    private int _following;
    private volatile string? _lastError;

    public string Network => network.Network;

    public WatcherStatus Status => new(network.Network, ExecuteTask is { IsCompleted: false }, _head, _lastPassAt, _following, _lastError);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        WatcherLog.Started(logger, network.Network);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.BlockPollMilliseconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TryPassAsync(firstPass: false, stoppingToken);
        }
    }

    /// <summary>One pass; a failure is recorded (health, logs) and the next tick tries again.</summary>
    public async Task TryPassAsync(bool firstPass, CancellationToken cancellationToken)
    {
        try
        {
            await PassAsync(firstPass, cancellationToken);
            _lastError = null;
        }
        catch (Exception e) when (e is RpcUnavailableException or JsonRpcException)
        {
            _lastError = e.Message;
            WatcherLog.PassFailed(logger, network.Network, e.Message);
        }
#pragma warning disable CA1031 // The watcher outlives any one failure: it records it and tries again at the next tick.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            _lastError = e.Message;
            WatcherLog.Unexpected(logger, network.Network, e);
        }
    }

    private async Task PassAsync(bool firstPass, CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            var head = await network.Rpc.BlockNumberAsync(cancellationToken);
            var recheck = time.GetElapsedTime(_lastPass) >= TimeSpan.FromSeconds(options.WatcherRecheckSeconds);
            var idle = head == _head;
            if (idle && !firstPass && !recheck)
            {
                return;
            }
            _head = head;
            _lastPass = time.GetTimestamp();
            _lastPassAt = time.GetUtcNow();
            var submitted = await store.ListSubmittedAsync(network.Network, cancellationToken);
            _following = submitted.Count;
            if (submitted.Count == 0)
            {
                _unminedSince.Clear();
                _gaps.Clear();
                return;
            }
            // Every live attempt's hash: a replaced transaction's original may be the one that gets mined.
            var live = await store.ListLiveAttemptsAsync(network.Network, cancellationToken);
            var hashes = submitted.Select(s => LiveAttempts.Hashes(s, live)).ToList();
            var receipts = await _receipts.GetAsync([.. hashes.SelectMany(h => h)], cancellationToken);
            var unmined = new List<Settlement>();
            for (int i = 0, at = 0; i < submitted.Count; at += hashes[i].Count, i++)
            {
                if (LiveAttempts.FirstMined(receipts, at, hashes[i].Count) is { } receipt)
                {
                    _unminedSince.Remove(submitted[i].Id);
                    await confirmer.FinalizeAsync(submitted[i], receipt, cancellationToken);
                }
                else
                {
                    unmined.Add(submitted[i]);
                }
            }
            _following = unmined.Count;
            await FollowUnminedAsync(unmined, live, head, firstPass, idle, cancellationToken);
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>
    /// What has waited <see cref="ChainOptions.StuckAfterBlocks"/> blocks is checked: replaced when underpriced, re-broadcast when forgotten. So is
    /// everything when no block came for a recheck interval (an idle or stalled chain), and everything a previous run left.
    /// </summary>
    private async Task FollowUnminedAsync(List<Settlement> unmined, IReadOnlyDictionary<string, IReadOnlyList<SettlementAttempt>> live, long head, bool firstPass, bool idle, CancellationToken cancellationToken)
    {
        var following = unmined.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _unminedSince.Keys.Where(id => !following.Contains(id)).ToList())
        {
            _unminedSince.Remove(gone);
        }
        var stuck = new List<Settlement>();
        foreach (var settlement in unmined)
        {
            var seenBefore = _unminedSince.TryGetValue(settlement.Id, out var since);
            if (!seenBefore)
            {
                since = _unminedSince[settlement.Id] = head;
            }
            if (firstPass || (idle && seenBefore) || head - since >= options.StuckAfterBlocks)
            {
                _unminedSince[settlement.Id] = head;
                await _stuck.FollowAsync(settlement, live.GetValueOrDefault(settlement.Id) ?? [], cancellationToken);
                stuck.Add(settlement);
            }
        }
        if (stuck.Count > 0)
        {
            await _gaps.FillAsync(stuck, unmined, live, head, cancellationToken);
        }
    }

    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }
}
