using Microsoft.EntityFrameworkCore;
using P402.Core.Common;
using P402.Core.Data;
using P402.Core.Merchants;
using P402.Core.Payments;

namespace P402.Core.Receipts;

/// <summary>Issue, read and revoke receipts. Verification, the hot path, lives in <see cref="ReceiptVerifier"/>.</summary>
public sealed class ReceiptService(IDbContextFactory<P402DbContext> contexts, MerchantService merchants, TimeProvider time, MerchantEvents events)
{
    /// <summary>
    /// Issues a receipt for a confirmed settlement of <paramref name="merchantId"/>, or returns the one it
    /// already has (<see cref="IssueReceiptResult.Created"/> false). A malformed request fails before any lookup.
    /// </summary>
    public async Task<IssueReceiptResult> IssueAsync(string merchantId, IssueReceipt request, CancellationToken cancellationToken)
    {
        var settings = await merchants.GetSettingsAsync(merchantId, cancellationToken);
        if (IssueReceiptChecks.Check(request, settings) is { } invalid)
        {
            return invalid;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settlements = db.Settlements.AsNoTracking().Where(s => s.MerchantId == merchantId);
        if (request.SettlementId is { } settlementId)
        {
            settlements = settlements.Where(s => s.Id == settlementId);
        }
        if (request.TxHash?.ToLowerInvariant() is { } txHash)
        {
            settlements = settlements.Where(s => s.TxHash == txHash);
        }
        var settlement = await settlements.FirstOrDefaultAsync(cancellationToken);
        if (settlement is null)
        {
            return IssueReceiptResult.Fail(ReceiptCode.SettlementNotFound, "No settlement of this merchant has that id or transaction hash.");
        }
        if (settlement.Status != SettlementStatus.Confirmed)
        {
            return IssueReceiptResult.Fail(ReceiptCode.SettlementNotConfirmed, $"The settlement is {settlement.Status}; only a confirmed settlement can be receipted.");
        }
        if (await FindForSettlementAsync(db, settlement.Id, cancellationToken) is { } existing)
        {
            return new IssueReceiptResult(existing, false, null, null);
        }
        if (!ResourceUrl.TryNormalize(request.Resource ?? settlement.Resource, out var resource))
        {
            return IssueReceiptResult.Fail(ReceiptCode.InvalidResource, "The settlement has no absolute http(s) resource URL; give resource.");
        }
        var now = Now;
        var receipt = new Receipt
        {
            Id = Ids.New(Receipt.IdPrefix, time),
            MerchantId = merchantId,
            SettlementId = settlement.Id,
            Resource = resource,
            Payer = settlement.Payer,
            CreatedAt = now,
            ExpiresAt = IssueReceiptChecks.ExpiresAt(now, request.TtlSeconds ?? settings.DefaultReceiptTtlSeconds),
        };
        if (!await db.TryInsertAsync(receipt, cancellationToken))
        {
            // A concurrent issue for the same settlement won; both callers get its receipt.
            return await FindForSettlementAsync(db, settlement.Id, cancellationToken) is { } winner
                ? new IssueReceiptResult(winner, false, null, null)
                : throw new InvalidOperationException($"Receipt {receipt.Id} was not inserted, and settlement {settlement.Id} has no other receipt.");
        }
        events.Publish(new MerchantEvent(merchantId, MerchantEventKind.ReceiptIssued, receipt.Id));
        return new IssueReceiptResult(ReceiptView.From(receipt, now), true, null, null);
    }

    public async Task<ReceiptView?> GetAsync(string merchantId, string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var receipt = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.MerchantId == merchantId, cancellationToken);
        return receipt is null ? null : ReceiptView.From(receipt, Now);
    }

    /// <summary>The receipt issued for one of the merchant's settlements, if any (a settlement has at most one).</summary>
    public async Task<ReceiptView?> GetForSettlementAsync(string merchantId, string settlementId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var receipt = await db.Receipts.AsNoTracking()
            .SingleOrDefaultAsync(r => r.SettlementId == settlementId && r.MerchantId == merchantId, cancellationToken);
        return receipt is null ? null : ReceiptView.From(receipt, Now);
    }

    public async Task<Page<ReceiptView>> ListAsync(string merchantId, ReceiptFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var query = db.Receipts.AsNoTracking().Where(r => r.MerchantId == merchantId);
        query = filter.State switch
        {
            ReceiptState.Active => query.Where(r => r.RevokedAt == null && r.ExpiresAt > now),
            ReceiptState.Expired => query.Where(r => r.RevokedAt == null && r.ExpiresAt <= now),
            ReceiptState.Revoked => query.Where(r => r.RevokedAt != null),
            null => query,
        };
        if (!string.IsNullOrWhiteSpace(filter.Resource))
        {
            // Part of the URL is enough ("/weather", "api.example.com"); a whole URL is normalised first, as stored.
            var text = filter.Resource.Trim();
            var resource = (ResourceUrl.TryNormalize(text, out var normalized) ? normalized : text).ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(): a case-insensitive match, as a person expects.
            query = query.Where(r => r.Resource.ToLower().Contains(resource));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (!string.IsNullOrWhiteSpace(filter.Payer))
        {
            var payer = filter.Payer.Trim().ToLowerInvariant();
            query = query.Where(r => r.Payer == payer);
        }
        if (!string.IsNullOrWhiteSpace(filter.Id))
        {
            var id = filter.Id.Trim();
            query = query.Where(r => r.Id == id);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(page.Skip).Take(page.SafePageSize).ToListAsync(cancellationToken);
        return new Page<ReceiptView>(items.ConvertAll(r => ReceiptView.From(r, now)), page.SafePage, page.SafePageSize, total);
    }

    /// <summary>Revokes at once (the next verify refuses it); idempotent, keeps the first revocation's time and author.</summary>
    public async Task<ReceiptView?> RevokeAsync(string merchantId, string id, string revokedBy, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var changed = await db.Receipts
            .Where(r => r.Id == id && r.MerchantId == merchantId && r.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RevokedAt, now).SetProperty(r => r.RevokedBy, revokedBy), cancellationToken);
        if (changed > 0)
        {
            events.Publish(new MerchantEvent(merchantId, MerchantEventKind.ReceiptRevoked, id));
        }
        return await GetAsync(merchantId, id, cancellationToken);
    }

    private async Task<ReceiptView?> FindForSettlementAsync(P402DbContext db, string settlementId, CancellationToken cancellationToken) =>
        await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.SettlementId == settlementId, cancellationToken) is { } receipt
            ? ReceiptView.From(receipt, Now)
            : null;

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
