using Microsoft.EntityFrameworkCore;
using P402.Core.Chain;
using P402.Core.Chain.Rpc;
using P402.Core.Payments.Sending;

namespace P402.Core.Payments;

/// <summary>
/// A nonce-gap filler (<see cref="NonceGaps"/>) is the facilitator's ETH spent so that a stuck settlement can be mined: it is
/// recorded as a <see cref="AttemptOutcome.GapFill"/> attempt of the settlement that waited behind the gap, and its gas, once mined,
/// counts in that merchant's gas total as a failed attempt's does. It is never that settlement's transaction.
/// </summary>
public sealed partial class SettlementStore
{
    public async Task RecordGapFillAsync(string settlementId, AttemptDraft filler, long waitingNonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filler);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = await db.SettlementAttempts.Where(a => a.SettlementId == settlementId).MaxAsync(a => (int?)a.Number, cancellationToken) ?? 0;
        db.SettlementAttempts.Add(new SettlementAttempt
        {
            SettlementId = settlementId,
            Number = last + 1,
            TxHash = filler.TxHash,
            Nonce = filler.Nonce,
            Signer = filler.Signer,
            MaxFeePerGasWei = filler.MaxFeePerGasWei,
            MaxPriorityFeePerGasWei = filler.MaxPriorityFeePerGasWei,
            GasLimit = filler.GasLimit,
            SentAt = time.GetUtcNow().UtcDateTime,
            Outcome = AttemptOutcome.GapFill,
            Note = SettlementAttempt.Clip(
                $"A 0-value self-transfer filling nonce {filler.Nonce}, which no transaction used, so that this settlement's nonce {waitingNonce} can be mined."),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The network's gap fillers not yet known mined (or dropped).</summary>
    public async Task<IReadOnlyList<SettlementAttempt>> ListUnfinishedGapFillsAsync(string network, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SettlementAttempts.AsNoTracking()
            .Where(a => a.Outcome == AttemptOutcome.GapFill && a.BlockNumber == null && db.Settlements.Any(s => s.Id == a.SettlementId && s.Network == network))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The filler was mined: its gas is recorded (the facilitator paid it).</summary>
    public async Task RecordGapFillMinedAsync(SettlementAttempt filler, TransactionReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filler);
        ArgumentNullException.ThrowIfNull(receipt);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var price = PaymentNetwork.ToLong(receipt.EffectiveGasPrice);
        await db.SettlementAttempts.Where(a => a.SettlementId == filler.SettlementId && a.Number == filler.Number)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.BlockNumber, receipt.BlockNumber).SetProperty(x => x.GasUsed, receipt.GasUsed)
                .SetProperty(x => x.EffectiveGasPriceWei, price), cancellationToken);
    }

    /// <summary>Its nonce went to another transaction (the one it stood in for came after all): it cost nothing.</summary>
    public async Task DropGapFillAsync(SettlementAttempt filler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filler);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var note = SettlementAttempt.Clip($"Never mined: nonce {filler.Nonce} went to another transaction of the key; it cost nothing.");
        await db.SettlementAttempts.Where(a => a.SettlementId == filler.SettlementId && a.Number == filler.Number)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Outcome, AttemptOutcome.Dropped).SetProperty(x => x.Note, note), cancellationToken);
    }
}
