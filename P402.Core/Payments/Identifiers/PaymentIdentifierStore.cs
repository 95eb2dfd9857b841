using Microsoft.EntityFrameworkCore;
using P402.Core.Data;

namespace P402.Core.Payments.Identifiers;

/// <summary>
/// x402 payment ids per merchant: the first payment an id arrives with owns it (an insert that a lost race
/// leaves undone); the answers stored with it are what the same id and payment get again.
/// </summary>
public sealed class PaymentIdentifierStore(IDbContextFactory<P402DbContext> contexts, TimeProvider time)
{
    /// <summary>Takes <paramref name="paymentId"/> for this payment on first sight; says whether it belongs to another payment, and what it holds for <paramref name="operation"/>.</summary>
    public async Task<PaymentIdBinding> TakeAsync(string merchantId, string paymentId, ParsedPayment payment, PaymentIdOperation operation,
        CancellationToken cancellationToken)
    {
        var fingerprint = PaymentFingerprint.Of(payment);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await FindAsync(db, merchantId, paymentId, cancellationToken);
        if (row is null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            await db.TryInsertAsync(new PaymentIdentifier
            {
                MerchantId = merchantId, Id = paymentId, Fingerprint = fingerprint, CreatedAt = now, UpdatedAt = now,
            }, cancellationToken);
            row = await FindAsync(db, merchantId, paymentId, cancellationToken)
                ?? throw new InvalidOperationException("A payment id row was neither inserted nor found.");
        }
        if (!string.Equals(row.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            return PaymentIdBinding.OtherPayment;
        }
        return new(false, operation == PaymentIdOperation.Verify ? row.VerifyAnswer : row.SettleAnswer);
    }

    /// <summary>Keeps the answer for the id's repeats; the first stored answer stays.</summary>
    public async Task SaveAnswerAsync(string merchantId, string paymentId, PaymentIdOperation operation, string answer, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var row = db.PaymentIdentifiers.Where(p => p.MerchantId == merchantId && p.Id == paymentId);
        _ = operation switch
        {
            PaymentIdOperation.Verify => await row.Where(p => p.VerifyAnswer == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.VerifyAnswer, answer).SetProperty(p => p.UpdatedAt, now), cancellationToken),
            PaymentIdOperation.Settle => await row.Where(p => p.SettleAnswer == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.SettleAnswer, answer).SetProperty(p => p.UpdatedAt, now), cancellationToken),
        };
    }

    private static Task<PaymentIdentifier?> FindAsync(P402DbContext db, string merchantId, string paymentId, CancellationToken cancellationToken) =>
        db.PaymentIdentifiers.AsNoTracking().SingleOrDefaultAsync(p => p.MerchantId == merchantId && p.Id == paymentId, cancellationToken);
}
