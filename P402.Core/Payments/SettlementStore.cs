using Microsoft.EntityFrameworkCore;
using P402.Core.Common;
using P402.Core.Data;

namespace P402.Core.Payments;

/// <summary>
/// The settlement rows and their state transitions. Reservation is the unique index on
/// (network, asset, payer, nonce): whoever inserts the row owns the authorization.
/// </summary>
public sealed partial class SettlementStore(IDbContextFactory<P402DbContext> contexts, TimeProvider time, MerchantEvents events, InstanceHeartbeats instance)
{
    // Every verify asks this: compiled once, so a verify pays for the lookup and not for translating it.
    private static readonly Func<P402DbContext, string, string, string, string, CancellationToken, Task<bool>> HeldByLiveSettlement =
        EF.CompileAsyncQuery((P402DbContext db, string network, string asset, string payer, string nonce, CancellationToken _) =>
            db.Settlements.Any(s => s.Network == network && s.Asset == asset && s.Payer == payer && s.Nonce == nonce
                && s.Status != SettlementStatus.Failed));

    /// <summary>Whether a settlement that is not Failed holds this authorization (settled, or being settled).</summary>
    public async Task<bool> IsAuthorizationTakenAsync(string network, ParsedPayment payment, CancellationToken cancellationToken)
    {
        var (asset, payer, nonce) = Key(payment);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await HeldByLiveSettlement(db, network, asset, payer, nonce, cancellationToken);
    }

    public async Task<Settlement?> FindByAuthorizationAsync(string network, ParsedPayment payment, CancellationToken cancellationToken)
    {
        var (asset, payer, nonce) = Key(payment);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Settlements.AsNoTracking().SingleOrDefaultAsync(
            s => s.Network == network && s.Asset == asset && s.Payer == payer && s.Nonce == nonce, cancellationToken);
    }

    public async Task<Settlement?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Settlements.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>Inserts the Pending row; false when another request already holds this authorization.</summary>
    public async Task<bool> TryReserveAsync(Settlement settlement, CancellationToken cancellationToken)
    {
        settlement.ReservedBy = instance.Id;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.TryInsertAsync(settlement, cancellationToken))
        {
            return await HoldsAuthorizationAsync(settlement, CancellationToken.None)
                ? false
                : throw new InvalidOperationException($"Settlement {settlement.Id} was not inserted, and no other row holds its authorization.");
        }
        Publish(settlement);
        return true;
    }

    /// <summary>Whether a row already holds this settlement's authorization (a lost race), as opposed to any other failed insert.</summary>
    private async Task<bool> HoldsAuthorizationAsync(Settlement settlement, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Settlements.AsNoTracking().AnyAsync(s => s.Network == settlement.Network && s.Asset == settlement.Asset
            && s.Payer == settlement.Payer && s.Nonce == settlement.Nonce && s.Id != settlement.Id, cancellationToken);
    }

    /// <summary>
    /// Takes a Failed settlement back to Pending for a new attempt of the same payment; null when a
    /// concurrent retry took it first. The row keeps its id; the request and key become this attempt's.
    /// </summary>
    public async Task<Settlement?> TryReclaimFailedAsync(Settlement failed, SettleCommand command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var reservedBy = instance.Id;
        var changed = await db.Settlements
            .Where(s => s.Id == failed.Id && s.Status == SettlementStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, SettlementStatus.Pending)
                .SetProperty(x => x.ReservedBy, reservedBy)
                .SetProperty(x => x.RequestId, command.RequestId)
                .SetProperty(x => x.ApiKeyId, command.ApiKeyId)
                .SetProperty(x => x.TxHash, (string?)null)
                .SetProperty(x => x.ErrorReason, (string?)null)
                .SetProperty(x => x.ErrorMessage, (string?)null)
                .SetProperty(x => x.UpdatedAt, now), cancellationToken);
        if (changed == 0)
        {
            return null;
        }
        var reclaimed = await FindAsync(failed.Id, cancellationToken);
        Publish(reclaimed!);
        return reclaimed;
    }

    /// <summary>
    /// Hands out the one success of a confirmed settlement: a conditional UPDATE (<c>DeliveredAt IS NULL</c>) that
    /// exactly one caller wins, whatever the concurrency, the restarts or the number of instances.
    /// </summary>
    public async Task<bool> TryClaimDeliveryAsync(string settlementId, string requestId, string? paymentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await db.Settlements
            .Where(s => s.Id == settlementId && s.Status == SettlementStatus.Confirmed && s.DeliveredAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.DeliveredAt, now)
                .SetProperty(x => x.DeliveredRequestId, requestId)
                .SetProperty(x => x.DeliveredPaymentId, paymentId), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Settlements a crash may have left behind.</summary>
    public async Task<IReadOnlyList<Settlement>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Settlements.AsNoTracking()
            .Where(s => s.Status == SettlementStatus.Pending || s.Status == SettlementStatus.Submitted)
            .OrderBy(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The network's settlements whose transaction is out and not yet final: what its watcher follows.</summary>
    public async Task<IReadOnlyList<Settlement>> ListSubmittedAsync(string network, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Settlements.AsNoTracking()
            .Where(s => s.Status == SettlementStatus.Submitted && s.Network == network)
            .OrderBy(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Submitted settlements per signer address (lower-case hex) on the network: each key's transactions awaiting their block.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountSubmittedBySignerAsync(string network, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Settlements.AsNoTracking()
            .Where(s => s.Status == SettlementStatus.Submitted && s.Network == network && s.SignerAddress != null)
            .GroupBy(s => s.SignerAddress!)
            .Select(g => new { Signer = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Signer, g => g.Count, StringComparer.Ordinal, cancellationToken);
    }

    internal static (string Asset, string Payer, string Nonce) Key(ParsedPayment payment) =>
        (payment.Asset.ToLowerHex(), payment.Authorization.From.ToLowerHex(), Chain.Ethereum.Hex.Encode(payment.Authorization.Nonce));

    private async Task UpdateAsync(Settlement settlement, Action<Settlement> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Settlements.Attach(settlement);
        change(settlement);
        settlement.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        Publish(settlement);
    }

    private void Publish(Settlement settlement) =>
        events.Publish(new MerchantEvent(settlement.MerchantId, MerchantEventKind.SettlementChanged, settlement.Id));
}
