using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Payments.Sending;

namespace P402.Core.Payments.Watcher;

/// <summary>
/// Follows one network block by block and finishes its Submitted settlements: at each new block (and
/// at least every <see cref="ChainOptions.WatcherRecheckSeconds"/>) it asks the node for all their
/// receipts in one batch, records Confirmed or Failed and wakes the requests waiting on them. A
/// transaction unmined for <see cref="ChainOptions.StuckAfterBlocks"/> blocks that the node no longer
/// knows is re-broadcast as signed (same nonce, same hash: never a second payment).
/// </summary>
internal sealed class SettlementWatcher(PaymentNetwork network, SettlementStore store, SettlementConfirmer confirmer, SettlementWaiters waiters,
    ChainOptions options, TimeProvider time, ILogger logger) : BackgroundService
{
    private readonly ReceiptBatch _receipts = new(network.Rpc);
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
                return;
            }
            var receipts = await _receipts.GetAsync([.. submitted.Select(s => s.TxHash!)], cancellationToken);
            var unmined = new List<Settlement>();
            for (var i = 0; i < submitted.Count; i++)
            {
                if (receipts[i] is { } receipt)
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
            await FollowUnminedAsync(unmined, head, firstPass, idle, cancellationToken);
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>
    /// What has waited <see cref="ChainOptions.StuckAfterBlocks"/> blocks is checked: still known to the node, or re-broadcast. So is
    /// everything when no block came for a recheck interval (an idle or stalled chain), and everything a previous run left.
    /// </summary>
    private async Task FollowUnminedAsync(List<Settlement> unmined, long head, bool firstPass, bool idle, CancellationToken cancellationToken)
    {
        var following = unmined.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _unminedSince.Keys.Where(id => !following.Contains(id)).ToList())
        {
            _unminedSince.Remove(gone);
        }
        var heldElsewhere = new HashSet<string>(StringComparer.Ordinal);
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
                await RebroadcastIfForgottenAsync(settlement, heldElsewhere, cancellationToken);
            }
        }
    }

    private async Task RebroadcastIfForgottenAsync(Settlement settlement, HashSet<string> heldElsewhere, CancellationToken cancellationToken)
    {
        if (settlement.RawTransaction is not { } raw || await network.Rpc.GetTransactionByHashAsync(settlement.TxHash!, cancellationToken) is not null)
        {
            return;
        }
        // Only the holder of the key's lease re-broadcasts: another instance may be using the key's nonces right now.
        if (settlement.SignerAddress is not { } signerHex || heldElsewhere.Contains(signerHex) || !EthAddress.TryParse(signerHex, out var signer))
        {
            return;
        }
        using var lease = await network.Signers.TryEnterAsync(signer, SignerTakeover.For(network, signer, store, logger), cancellationToken);
        if (lease is null)
        {
            heldElsewhere.Add(signerHex);
            return;
        }
        try
        {
            WatcherLog.Rebroadcast(logger, settlement.Id, settlement.TxHash!);
            await network.Rpc.SendRawTransactionAsync(Hex.Decode(raw), cancellationToken);
        }
        catch (JsonRpcException known) when (BroadcastAnswers.IsAlreadyKnown(known))
        {
        }
        catch (JsonRpcException refused)
        {
            // Not mined, not in the pool and refused again (its nonce went to another transaction, say): it never will be.
            if (await network.Rpc.GetTransactionReceiptAsync(settlement.TxHash!, cancellationToken) is { } receipt)
            {
                await confirmer.FinalizeAsync(settlement, receipt, cancellationToken);
                return;
            }
            WatcherLog.NeverMined(logger, settlement.Id, refused.RpcMessage);
            await store.MarkFailedAsync(settlement, PaymentCode.SettlementFailed, $"Not mined and refused on re-broadcast: {refused.RpcMessage}", cancellationToken);
            waiters.Finished(settlement);
        }
    }

    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }
}
