using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using P402.Core.Common;
using P402.Core.Data;

namespace P402.Core.Receipts;

/// <summary>
/// The hot path: one atomic statement checks the receipt (merchant, resource, not revoked, not
/// expired) and counts the reuse, returning the new count. The database serialises the increments,
/// so concurrent verifies get distinct counts; the answer is sent only after the commit, so an
/// answered reuse is never lost (<see cref="ReceiptReuseWriter"/> commits concurrent reuses together).
/// A miss costs one more read to name the reason.
/// </summary>
public sealed class ReceiptVerifier(IDbContextFactory<P402DbContext> contexts, TimeProvider time, MerchantEvents events, IOptions<DatabaseOptions> database)
    : IAsyncDisposable, IDisposable
{
    private readonly ReceiptReuseWriter _writer = new(contexts, database.Value);

    public async Task<ReceiptVerification> VerifyAsync(string merchantId, string? id, string? resource, CancellationToken cancellationToken)
    {
        if (!ResourceUrl.TryNormalize(resource, out var normalized))
        {
            return ReceiptVerification.Invalid(ReceiptCode.InvalidResource); // the caller's mistake, not the receipt's
        }
        if (!Ids.IsWellFormed(id, Receipt.IdPrefix))
        {
            return ReceiptVerification.Invalid(ReceiptCode.ReceiptNotFound);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var counted = await _writer.CountAsync(merchantId, id!, normalized, now, cancellationToken);
        if (counted is not null)
        {
            events.Publish(new MerchantEvent(merchantId, MerchantEventKind.ReceiptReused, id!));
            return counted;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var receipt = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.MerchantId == merchantId, cancellationToken);
        return ReceiptVerification.Invalid(receipt switch
        {
            null => ReceiptCode.ReceiptNotFound,
            { RevokedAt: not null } => ReceiptCode.ReceiptRevoked,
            _ when receipt.ExpiresAt <= now => ReceiptCode.ReceiptExpired,
            _ => ReceiptCode.ReceiptResourceMismatch,
        });
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>For hosts that dispose synchronously: waits for the commit in progress.</summary>
    public void Dispose() => _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
