using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Chain.Signers;
using P402.Core.Merchants;
using P402.Core.Payments.Sending;

namespace P402.Core.Payments.Watcher;

/// <summary>
/// Follows one network block by block and finishes its Submitted settlements: at each new block (and
/// at least every <see cref="ChainOptions.WatcherRecheckSeconds"/>) it asks the node for all their
/// receipts (every live attempt's) in one batch, records Confirmed (once the block is
/// <see cref="NetworkOptions.ConfirmationDepth"/> deep) or Failed and wakes the requests waiting on them. The blocks
/// of settlements mined within the last <see cref="ChainOptions.ReorgWindowBlocks"/> are checked against the chain
/// (<see cref="CanonicalBlocks"/>): one reorged out returns to Submitted and is finished again. A transaction unmined
/// for <see cref="ChainOptions.StuckAfterBlocks"/> blocks, or reorged out, goes to <see cref="StuckTransactions"/>:
/// replaced when priced below the base fee, re-broadcast as signed when forgotten (same nonce: never a second payment).
/// </summary>
internal sealed class SettlementWatcher(PaymentNetwork network, SettlementStore store, SettlementConfirmer confirmer, SettlementWaiters waiters,
    MerchantService merchants, ChainOptions options, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>How often (in blocks) the signed transactions of settlements past the reorg window are dropped.</summary>
    private const int ForgetEveryBlocks = 16;

    private readonly ReadBatch<TransactionReceipt> _receipts = ReadBatch<TransactionReceipt>.Receipts(network.Rpc);
    private readonly BlockReceipts _blockReceipts = new(network.Rpc);
    private readonly CanonicalBlocks _canonical = new(ReadBatch<BlockHeader>.Blocks(network.Rpc), options.ReorgWindowBlocks);
    private readonly StuckTransactions _stuck = new(network, store, confirmer, waiters, merchants, options, logger);
    private readonly NonceGaps _gaps = new(network, store, options, time, logger);
    private readonly Dictionary<string, long> _unminedSince = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _pass = new(1, 1);
    private BlockHeader? _head;
    private long _lastPass;
    private DateTimeOffset? _lastPassAt;
    private int _following;
    private volatile string? _lastError;

    public string Network => network.Network;

    public WatcherStatus Status => new(network.Network, ExecuteTask is { IsCompleted: false }, _head?.Number, _lastPassAt, _following, _lastError);

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
        var started = SettlementStages.Now();
        try
        {
            var head = await network.Rpc.GetBlockHeaderAsync(BlockTag.Latest, cancellationToken)
                ?? throw new RpcUnavailableException("eth_getBlockByNumber", "The node has no latest block.");
            var recheck = time.GetElapsedTime(_lastPass) >= TimeSpan.FromSeconds(options.WatcherRecheckSeconds);
            var idle = string.Equals(_head?.Hash, head.Hash, StringComparison.OrdinalIgnoreCase);
            if (idle && !firstPass && !recheck)
            {
                return;
            }
            var chainReorged = await _canonical.FollowAsync(head, cancellationToken);
            if (chainReorged)
            {
                WatcherLog.ChainReorged(logger, network.Network, head.Number);
            }
            _head = head;
            _lastPass = time.GetTimestamp();
            _lastPassAt = time.GetUtcNow();
            var submitted = await store.ListSubmittedAsync(network.Network, cancellationToken);
            var confirmedBlocks = await store.ListConfirmedBlocksAsync(network.Network, head.Number - options.ReorgWindowBlocks, cancellationToken);
            var reorged = await CheckMinedAsync([.. submitted.Where(s => s.BlockHash is not null)], confirmedBlocks, head, cancellationToken);
            var unmined = submitted.Where(s => s.BlockHash is null).Concat(reorged).ToList();
            _following = submitted.Count;
            // Every live attempt's hash: a replaced transaction's original may be the one that gets mined.
            var live = unmined.Count > 0 ? await store.ListLiveAttemptsAsync(network.Network, cancellationToken) : EmptyLive;
            if (unmined.Count > 0)
            {
                var scan = await _blockReceipts.ScanAsync(head.Number, chainReorged || firstPass, cancellationToken);
                var reorgedIds = reorged.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
                unmined = await FinishMinedAsync(unmined, live, head, scan, s => Due(s, head, firstPass, idle, reorgedIds), cancellationToken);
            }
            else
            {
                _unminedSince.Clear();
                _gaps.Clear();
            }
            _blockReceipts.Scanned(head.Number); // what was mined through the head is recorded
            await FollowUnminedAsync(unmined, live, head, firstPass, idle, [.. reorged.Select(s => s.Id)], cancellationToken);
            await _gaps.FollowFillsAsync(cancellationToken);
            if (head.Number % ForgetEveryBlocks == 0 || firstPass)
            {
                await store.ForgetSignedTransactionsAsync(network.Network, head.Number - options.ReorgWindowBlocks, cancellationToken);
            }
            SettlementStages.Record("watcher-pass", started); // a pass that had a new block (or a recheck) to follow
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>
    /// The settlements mined in a recent block (Submitted ones waiting for depth, and the blocks of the Confirmed ones): those whose block
    /// is no longer the chain's go back to Submitted (returned, to be finished again at once); a mined one now deep enough is Confirmed.
    /// </summary>
    private async Task<List<Settlement>> CheckMinedAsync(List<Settlement> mined, IReadOnlyList<(long Number, string Hash)> confirmedBlocks,
        BlockHeader head, CancellationToken cancellationToken)
    {
        if (mined.Count == 0 && confirmedBlocks.Count == 0)
        {
            return [];
        }
        var numbers = mined.Select(s => s.BlockNumber!.Value).Concat(confirmedBlocks.Select(b => b.Number)).Where(n => n <= head.Number);
        var canonical = await _canonical.HashesAsync(numbers, cancellationToken);
        foreach (var (number, hash) in confirmedBlocks)
        {
            if (number <= head.Number && !string.Equals(canonical[number], hash, StringComparison.OrdinalIgnoreCase))
            {
                mined.AddRange(await store.ListConfirmedInBlockAsync(network.Network, number, hash, cancellationToken));
            }
        }
        var reorged = new List<Settlement>();
        foreach (var settlement in mined)
        {
            var number = settlement.BlockNumber!.Value;
            if (number > head.Number)
            {
                continue; // read off a node ahead of the head asked: looked at next pass
            }
            if (!string.Equals(canonical[number], settlement.BlockHash, StringComparison.OrdinalIgnoreCase))
            {
                await confirmer.ReorgedAsync(settlement, cancellationToken);
                reorged.Add(settlement);
            }
            else if (settlement.Status == SettlementStatus.Submitted && Deep(number, head))
            {
                await confirmer.ConfirmMinedAsync(settlement, cancellationToken);
            }
        }
        return reorged;
    }

    /// <summary>
    /// Finds the receipts of the unmined settlements, records those mined in one transaction and returns those still unmined: from
    /// the new blocks' receipts (<paramref name="scan"/>), and by hash (one batch) for those the scan may not cover (<paramref name="due"/>:
    /// reorged, or followed up this pass) or for all of them when there is no scan.
    /// </summary>
    private async Task<List<Settlement>> FinishMinedAsync(List<Settlement> unmined, IReadOnlyDictionary<string, IReadOnlyList<SettlementAttempt>> live,
        BlockHeader head, IReadOnlyDictionary<string, TransactionReceipt>? scan, Func<Settlement, bool> due, CancellationToken cancellationToken)
    {
        var hashes = unmined.Select(s => LiveAttempts.Hashes(s, live)).ToList();
        var byHash = unmined.Select(s => scan is null || due(s)).ToList();
        var asked = await _receipts.GetAsync([.. hashes.Where((_, i) => byHash[i]).SelectMany(h => h)], cancellationToken);
        var receipts = new TransactionReceipt?[hashes.Sum(h => h.Count)];
        for (int i = 0, at = 0, next = 0; i < unmined.Count; at += hashes[i].Count, i++)
        {
            for (var j = 0; j < hashes[i].Count; j++)
            {
                receipts[at + j] = byHash[i] ? asked[next++] : scan!.GetValueOrDefault(hashes[i][j]);
            }
        }
        var still = new List<Settlement>();
        var found = new List<(Settlement, TransactionReceipt, bool)>();
        for (int i = 0, at = 0; i < unmined.Count; at += hashes[i].Count, i++)
        {
            // A receipt from a block the head's chain does not have (the node moved between the two calls) waits for the next pass.
            if (LiveAttempts.FirstMined(receipts, at, hashes[i].Count) is { } receipt && !_canonical.Contradicts(receipt.BlockNumber, receipt.BlockHash))
            {
                _unminedSince.Remove(unmined[i].Id);
                found.Add((unmined[i], receipt, Deep(receipt.BlockNumber, head)));
            }
            else
            {
                still.Add(unmined[i]);
            }
        }
        await confirmer.FinalizeManyAsync(found, cancellationToken);
        return still;
    }

    /// <summary>Whether <see cref="FollowUnminedAsync"/> looks at the settlement this pass (then its receipts are asked by hash too).</summary>
    private bool Due(Settlement settlement, BlockHeader head, bool firstPass, bool idle, HashSet<string> reorged)
    {
        var seenBefore = _unminedSince.TryGetValue(settlement.Id, out var since);
        return firstPass || reorged.Contains(settlement.Id) || (idle && seenBefore) || (seenBefore && head.Number - since >= options.StuckAfterBlocks);
    }

    /// <summary>The block holding a receipt counts as one confirmation, each block on top as one more.</summary>
    private bool Deep(long blockNumber, BlockHeader head) =>
        Math.Max(1, head.Number - blockNumber + 1) >= network.Options.ConfirmationDepth;

    /// <summary>
    /// What has waited <see cref="ChainOptions.StuckAfterBlocks"/> blocks is checked: still known to the node, or re-broadcast. So is
    /// everything when no block came for a recheck interval (an idle or stalled chain), and everything a previous run left.
    /// </summary>
    private async Task FollowUnminedAsync(List<Settlement> unmined, IReadOnlyDictionary<string, IReadOnlyList<SettlementAttempt>> live,
        BlockHeader head, bool firstPass, bool idle, HashSet<string> reorged, CancellationToken cancellationToken)
    {
        var following = unmined.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _unminedSince.Keys.Where(id => !following.Contains(id)).ToList())
        {
            _unminedSince.Remove(gone);
        }
        var stuck = new List<Settlement>();
        var heldElsewhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var settlement in unmined)
        {
            var seenBefore = _unminedSince.TryGetValue(settlement.Id, out var since);
            if (!seenBefore)
            {
                since = _unminedSince[settlement.Id] = head.Number;
            }
            if (firstPass || reorged.Contains(settlement.Id) || (idle && seenBefore) || head.Number - since >= options.StuckAfterBlocks)
            {
                _unminedSince[settlement.Id] = head.Number;
                // Only the holder of the key's lease re-broadcasts or replaces: another instance may be using the key's nonces right now.
                using var lease = await TryLeaseAsync(settlement, heldElsewhere, cancellationToken);
                if (lease is not null)
                {
                    await _stuck.FollowAsync(settlement, live.GetValueOrDefault(settlement.Id) ?? [], cancellationToken);
                    stuck.Add(settlement);
                }
            }
        }
        if (stuck.Count > 0)
        {
            await _gaps.FillAsync(stuck, unmined, live, head.Number, cancellationToken);
        }
    }

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<SettlementAttempt>> EmptyLive =
        new Dictionary<string, IReadOnlyList<SettlementAttempt>>(StringComparer.Ordinal);

    /// <summary>The lease of the settlement's key for this pass, or null while another instance holds it (remembered for the pass).</summary>
    private async Task<SignerLeaseUse?> TryLeaseAsync(Settlement settlement, HashSet<string> heldElsewhere, CancellationToken cancellationToken)
    {
        if (settlement.SignerAddress is not { } signerHex || heldElsewhere.Contains(signerHex) || !EthAddress.TryParse(signerHex, out var signer))
        {
            return null;
        }
        var lease = await network.Signers.TryEnterAsync(signer, SignerTakeover.For(network, signer, store, logger), cancellationToken);
        if (lease is null)
        {
            heldElsewhere.Add(signerHex);
        }
        return lease;
    }

    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }
}
