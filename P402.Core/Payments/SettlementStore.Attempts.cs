using Microsoft.EntityFrameworkCore;
using P402.Core.Chain;
using P402.Core.Chain.Rpc;
using P402.Core.Payments.Sending;

namespace P402.Core.Payments;

/// <summary>
/// The transitions that go with a broadcast or its outcome: the settlement row and its attempts change in
/// one SaveChanges, so the settlement always points at an attempt that exists and no outcome is half recorded.
/// </summary>
public sealed partial class SettlementStore
{
    /// <summary>
    /// Records a signed transaction as the settlement's next attempt, and as its current transaction,
    /// before it is broadcast (a crash cannot lose it). A live attempt with another nonce can no longer be
    /// mined (its nonce went elsewhere: that is why the transaction was signed again), so it is Dropped.
    /// </summary>
    public Task MarkSubmittedAsync(Settlement settlement, AttemptDraft attempt, CancellationToken cancellationToken,
        Signatures.PayerKind payerKind = Signatures.PayerKind.Eoa, long? deploymentGas = null)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return UpdateWithAttemptsAsync(settlement, (s, attempts, db) =>
        {
            foreach (var stale in attempts.Where(a => a.Outcome == AttemptOutcome.Pending && a.Nonce != attempt.Nonce))
            {
                Finish(stale, AttemptOutcome.Dropped, $"Its nonce {stale.Nonce} went to another transaction; signed again with nonce {attempt.Nonce}.");
            }
            db.SettlementAttempts.Add(new SettlementAttempt
            {
                SettlementId = s.Id,
                Number = attempts.Count == 0 ? 1 : attempts.Max(a => a.Number) + 1,
                TxHash = attempt.TxHash,
                Nonce = attempt.Nonce,
                Signer = attempt.Signer,
                MaxFeePerGasWei = attempt.MaxFeePerGasWei,
                MaxPriorityFeePerGasWei = attempt.MaxPriorityFeePerGasWei,
                GasLimit = attempt.GasLimit,
                RawTransaction = attempt.RawTransaction,
                SentAt = time.GetUtcNow().UtcDateTime,
                Outcome = AttemptOutcome.Pending,
            });
            if (s.Status != SettlementStatus.Submitted)
            {
                s.PayerKind = payerKind;
                s.DeploymentGas = deploymentGas;
            }
            s.Status = SettlementStatus.Submitted;
            s.TxHash = attempt.TxHash;
            s.RawTransaction = attempt.RawTransaction;
            s.SignerAddress = attempt.Signer;
            s.SignerNonce = attempt.Nonce;
        }, cancellationToken);
    }

    /// <summary>
    /// The settlement is Confirmed by <paramref name="receipt"/>'s transaction, which becomes its transaction
    /// whichever attempt it was; the other live attempts share its nonce, so they are Replaced. The mined transaction's
    /// signed bytes stay on the settlement while its block is within the reorg window (<see cref="ForgetSignedTransactionsAsync"/>):
    /// a reorg that drops it has it sent again.
    /// </summary>
    public Task MarkConfirmedAsync(Settlement settlement, TransactionReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return UpdateWithAttemptsAsync(settlement, (s, attempts, _) =>
        {
            Mined(s, attempts, receipt);
            Confirm(s);
        }, cancellationToken);
    }

    /// <summary>Mined with its Transfer, not yet as deep as the network's confirmation depth: recorded, still Submitted.</summary>
    public Task MarkMinedAsync(Settlement settlement, TransactionReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return UpdateWithAttemptsAsync(settlement, (s, attempts, _) => Mined(s, attempts, receipt), cancellationToken);
    }

    /// <summary>
    /// Records many mined settlements and their attempts in one transaction (one commit per watcher pass, not one per settlement):
    /// each Confirmed, or, when its block is not yet deep enough, noted as mined and still Submitted.
    /// </summary>
    public async Task MarkMinedManyAsync(IReadOnlyList<MinedSettlement> mined, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mined);
        if (mined.Count == 0)
        {
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = mined.Select(m => m.Settlement.Id).ToList();
        var attempts = (await db.SettlementAttempts.Where(a => ids.Contains(a.SettlementId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.SettlementId, StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (settlement, receipt, deep) in mined)
        {
            db.Settlements.Attach(settlement);
            Mined(settlement, [.. attempts[settlement.Id]], receipt);
            if (deep)
            {
                Confirm(settlement);
            }
            settlement.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var m in mined)
        {
            Publish(m.Settlement);
        }
    }

    /// <summary>
    /// Its block is no longer the chain's: back to Submitted, to be finished again (its receipt in the new chain, or a re-broadcast); the
    /// attempt that was mined is live again.
    /// </summary>
    public Task ReturnToSubmittedAsync(Settlement settlement, CancellationToken cancellationToken) =>
        UpdateWithAttemptsAsync(settlement, (s, attempts, _) =>
        {
            foreach (var attempt in attempts.Where(a => a.Outcome == AttemptOutcome.Mined && string.Equals(a.TxHash, s.TxHash, StringComparison.OrdinalIgnoreCase)))
            {
                attempt.Outcome = AttemptOutcome.Pending;
                attempt.BlockNumber = null;
                attempt.GasUsed = null;
                attempt.EffectiveGasPriceWei = null;
                attempt.RawTransaction = s.RawTransaction;
                attempt.Note = SettlementAttempt.Clip($"Its block {s.BlockNumber} was reorged out; it is being mined again.");
            }
            s.Status = SettlementStatus.Submitted;
            s.BlockNumber = null;
            s.BlockHash = null;
            s.GasUsed = null;
            s.EffectiveGasPriceWei = null;
            s.ConfirmedAt = null;
        }, cancellationToken);

    private void Confirm(Settlement s)
    {
        s.Status = SettlementStatus.Confirmed;
        s.ConfirmedAt = time.GetUtcNow().UtcDateTime;
        s.ErrorReason = null;
        s.ErrorMessage = null;
    }

    private static void Mined(Settlement s, List<SettlementAttempt> attempts, TransactionReceipt receipt)
    {
        if (RecordMined(attempts, receipt, AttemptOutcome.Mined) is { } raw)
        {
            s.RawTransaction = raw; // the mined transaction's bytes, for a re-broadcast after a reorg
        }
        s.TxHash = receipt.TransactionHash;
        s.BlockNumber = receipt.BlockNumber;
        s.BlockHash = receipt.BlockHash;
        s.GasUsed = receipt.GasUsed;
        s.EffectiveGasPriceWei = PaymentNetwork.ToLong(receipt.EffectiveGasPrice);
    }

    /// <summary>
    /// The settlement is Failed. With <paramref name="mined"/> (a revert, or a transaction without the Transfer) that attempt
    /// keeps its gas (the facilitator paid it) and the others are Replaced; without, every live attempt becomes
    /// <paramref name="liveAttemptsBecome"/> with the message as its note.
    /// </summary>
    public Task MarkFailedAsync(Settlement settlement, PaymentCode code, string message, CancellationToken cancellationToken,
        TransactionReceipt? mined = null, AttemptOutcome liveAttemptsBecome = AttemptOutcome.Dropped) =>
        UpdateWithAttemptsAsync(settlement, (s, attempts, _) =>
        {
            if (mined is not null)
            {
                RecordMined(attempts, mined, mined.Succeeded ? AttemptOutcome.Mined : AttemptOutcome.Reverted);
                s.TxHash = mined.TransactionHash;
                s.BlockNumber = mined.BlockNumber;
            }
            foreach (var live in attempts.Where(a => a.Outcome == AttemptOutcome.Pending))
            {
                Finish(live, liveAttemptsBecome, message);
            }
            s.Status = SettlementStatus.Failed;
            s.ErrorReason = PaymentCodes.Name(code);
            s.ErrorMessage = message.Length > 500 ? message[..500] : message;
            s.RawTransaction = null;
        }, cancellationToken);

    /// <summary>
    /// The node refused the broadcast of attempt <paramref name="txHash"/> (a replacement, say): it is Refused and the
    /// settlement points again at its newest live attempt, which is still out there.
    /// </summary>
    public Task MarkAttemptRefusedAsync(Settlement settlement, string txHash, string reason, CancellationToken cancellationToken) =>
        UpdateWithAttemptsAsync(settlement, (s, attempts, _) =>
        {
            foreach (var refused in attempts.Where(a => a.TxHash == txHash && a.Outcome == AttemptOutcome.Pending))
            {
                Finish(refused, AttemptOutcome.Refused, reason);
            }
            if (attempts.Where(a => a.Outcome == AttemptOutcome.Pending).MaxBy(a => a.Number) is { } current)
            {
                s.TxHash = current.TxHash;
                s.RawTransaction = current.RawTransaction;
                s.SignerNonce = current.Nonce;
            }
        }, cancellationToken);

    /// <summary>Why a live attempt stays as it is (a replacement held back by a fee cap); null clears it.</summary>
    public async Task NoteAttemptAsync(string settlementId, int number, string? note, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clipped = note is null ? null : SettlementAttempt.Clip(note);
        await db.SettlementAttempts.Where(a => a.SettlementId == settlementId && a.Number == number)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Note, clipped), cancellationToken);
    }

    /// <summary>The live (Pending) attempts of the network's Submitted settlements, per settlement, oldest first.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<SettlementAttempt>>> ListLiveAttemptsAsync(string network, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var live = await db.SettlementAttempts.AsNoTracking()
            .Where(a => a.Outcome == AttemptOutcome.Pending
                && db.Settlements.Any(s => s.Id == a.SettlementId && s.Status == SettlementStatus.Submitted && s.Network == network))
            .ToListAsync(cancellationToken);
        return live.GroupBy(a => a.SettlementId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SettlementAttempt>)[.. g.OrderBy(a => a.Number)], StringComparer.Ordinal);
    }

    /// <summary>Every attempt of one settlement, first first.</summary>
    public async Task<IReadOnlyList<SettlementAttempt>> ListAttemptsAsync(string settlementId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SettlementAttempts.AsNoTracking().Where(a => a.SettlementId == settlementId).OrderBy(a => a.Number)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks the attempt <paramref name="receipt"/> mined and replaces the other live ones; returns the mined attempt's signed bytes, if it had them.</summary>
    private static string? RecordMined(List<SettlementAttempt> attempts, TransactionReceipt receipt, AttemptOutcome outcome)
    {
        string? raw = null;
        foreach (var attempt in attempts)
        {
            if (string.Equals(attempt.TxHash, receipt.TransactionHash, StringComparison.OrdinalIgnoreCase))
            {
                raw ??= attempt.RawTransaction;
                attempt.Outcome = outcome;
                attempt.BlockNumber = receipt.BlockNumber;
                attempt.GasUsed = receipt.GasUsed;
                attempt.EffectiveGasPriceWei = PaymentNetwork.ToLong(receipt.EffectiveGasPrice);
                attempt.RawTransaction = null;
                attempt.Note = null;
            }
            else if (attempt.Outcome == AttemptOutcome.Pending)
            {
                Finish(attempt, AttemptOutcome.Replaced, $"Attempt {receipt.TransactionHash} with the same nonce was mined.");
            }
        }
        return raw;
    }

    private static void Finish(SettlementAttempt attempt, AttemptOutcome outcome, string note)
    {
        attempt.Outcome = outcome;
        attempt.RawTransaction = null;
        attempt.Note = SettlementAttempt.Clip(note);
    }

    private async Task UpdateWithAttemptsAsync(Settlement settlement, Action<Settlement, List<SettlementAttempt>, Data.P402DbContext> change,
        CancellationToken cancellationToken)
    {
        if (instance.Shared && settlement is { Status: SettlementStatus.Pending, ReservedBy: not null })
        {
            await UpdateReservedAsync(settlement, change, cancellationToken);
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var attempts = await db.SettlementAttempts.Where(a => a.SettlementId == settlement.Id).ToListAsync(cancellationToken);
        db.Settlements.Attach(settlement);
        change(settlement, attempts, db);
        settlement.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        Publish(settlement);
    }
}
