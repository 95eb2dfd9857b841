using Microsoft.EntityFrameworkCore;

namespace P402.Core.Payments;

/// <summary>The settlement rows as the watcher moves them along the chain: mined, deep enough, reorged out.</summary>
public sealed partial class SettlementStore
{
    /// <summary>
    /// The blocks (number and hash) that hold the network's settlements confirmed at or after <paramref name="fromBlock"/>: one row per
    /// block however many settlements it holds, for the watcher to check that each is still the chain's.
    /// </summary>
    public async Task<IReadOnlyList<(long Number, string Hash)>> ListConfirmedBlocksAsync(string network, long fromBlock, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var blocks = await db.Settlements.AsNoTracking()
            .Where(s => s.Network == network && s.Status == SettlementStatus.Confirmed && s.BlockNumber >= fromBlock && s.BlockHash != null)
            .Select(s => new { Number = s.BlockNumber!.Value, Hash = s.BlockHash! })
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. blocks.Select(b => (b.Number, b.Hash))];
    }

    /// <summary>The network's settlements confirmed in the block <paramref name="blockHash"/> (found reorged out).</summary>
    public async Task<IReadOnlyList<Settlement>> ListConfirmedInBlockAsync(string network, long blockNumber, string blockHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Settlements.AsNoTracking()
            .Where(s => s.Network == network && s.Status == SettlementStatus.Confirmed && s.BlockNumber == blockNumber && s.BlockHash == blockHash)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Mined in <paramref name="blockNumber"/> (block <paramref name="blockHash"/>), not yet as deep as the network's confirmation depth: still Submitted.</summary>
    public Task MarkMinedAsync(Settlement settlement, long blockNumber, string blockHash, long gasUsed, long effectiveGasPriceWei,
        CancellationToken cancellationToken) =>
        UpdateAsync(settlement, s =>
        {
            s.BlockNumber = blockNumber;
            s.BlockHash = blockHash;
            s.GasUsed = gasUsed;
            s.EffectiveGasPriceWei = effectiveGasPriceWei;
        }, cancellationToken);

    /// <summary>
    /// Mined with the expected Transfer in a block of the chain, at the network's depth. The signed transaction is kept while the block
    /// is within the reorg window (<see cref="ForgetSignedTransactionsAsync"/>): a reorg that drops it has it sent again.
    /// </summary>
    public Task MarkConfirmedAsync(Settlement settlement, long blockNumber, string blockHash, long gasUsed, long effectiveGasPriceWei,
        CancellationToken cancellationToken) =>
        UpdateAsync(settlement, s =>
        {
            s.Status = SettlementStatus.Confirmed;
            s.BlockNumber = blockNumber;
            s.BlockHash = blockHash;
            s.GasUsed = gasUsed;
            s.EffectiveGasPriceWei = effectiveGasPriceWei;
            s.ConfirmedAt = time.GetUtcNow().UtcDateTime;
            s.ErrorReason = null;
            s.ErrorMessage = null;
        }, cancellationToken);

    /// <summary>
    /// Records many mined settlements in one transaction (one commit per watcher pass, not one per settlement): each Confirmed, or, when
    /// its block is not yet deep enough, noted as mined and still Submitted. The signed transactions are kept (see <see cref="MarkConfirmedAsync"/>).
    /// </summary>
    public async Task MarkMinedManyAsync(IReadOnlyList<MinedSettlement> mined, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mined);
        if (mined.Count == 0)
        {
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (settlement, blockNumber, blockHash, gasUsed, price, deep) in mined)
        {
            db.Settlements.Attach(settlement);
            settlement.BlockNumber = blockNumber;
            settlement.BlockHash = blockHash;
            settlement.GasUsed = gasUsed;
            settlement.EffectiveGasPriceWei = price;
            settlement.UpdatedAt = now;
            if (deep)
            {
                settlement.Status = SettlementStatus.Confirmed;
                settlement.ConfirmedAt = now;
                settlement.ErrorReason = null;
                settlement.ErrorMessage = null;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var m in mined)
        {
            Publish(m.Settlement);
        }
    }

    /// <summary>Its block is no longer the chain's: back to Submitted, to be finished again (its receipt in the new chain, or a re-broadcast).</summary>
    public Task ReturnToSubmittedAsync(Settlement settlement, CancellationToken cancellationToken) =>
        UpdateAsync(settlement, s =>
        {
            s.Status = SettlementStatus.Submitted;
            s.BlockNumber = null;
            s.BlockHash = null;
            s.GasUsed = null;
            s.EffectiveGasPriceWei = null;
            s.ConfirmedAt = null;
        }, cancellationToken);

    /// <summary>Drops the signed transactions of settlements confirmed before <paramref name="beforeBlock"/>: past the reorg window, never sent again.</summary>
    public async Task<int> ForgetSignedTransactionsAsync(string network, long beforeBlock, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Settlements
            .Where(s => s.Network == network && s.Status == SettlementStatus.Confirmed && s.BlockNumber < beforeBlock && s.RawTransaction != null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RawTransaction, (string?)null), cancellationToken);
    }
}
