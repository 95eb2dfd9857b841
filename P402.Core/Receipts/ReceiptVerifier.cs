using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using P402.Core.Common;
using P402.Core.Data;

namespace P402.Core.Receipts;

/// <summary>
/// The hot path: one atomic statement checks the receipt (merchant, resource, not revoked, not
/// expired) and counts the reuse, returning the new count. The database serialises the increments,
/// so concurrent verifies get distinct counts; the answer is sent only after the commit, so an
/// answered reuse is never lost. A miss costs one more read to name the reason.
/// </summary>
public sealed class ReceiptVerifier(IDbContextFactory<P402DbContext> contexts, TimeProvider time, MerchantEvents events)
{
    private const string CountReuse = """
        UPDATE "Receipts" SET "ReuseCount" = "ReuseCount" + 1
        WHERE "Id" = @id AND "MerchantId" = @merchant AND "Resource" = @resource
          AND "RevokedAt" IS NULL AND "ExpiresAt" > @now
        RETURNING "ReuseCount", "ExpiresAt", "Payer"
        """;

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
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counted = await TryCountReuseAsync(db, merchantId, id!, normalized, now, cancellationToken);
        if (counted is not null)
        {
            events.Publish(new MerchantEvent(merchantId, MerchantEventKind.ReceiptReused, id!));
            return counted;
        }
        var receipt = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.MerchantId == merchantId, cancellationToken);
        return ReceiptVerification.Invalid(receipt switch
        {
            null => ReceiptCode.ReceiptNotFound,
            { RevokedAt: not null } => ReceiptCode.ReceiptRevoked,
            _ when receipt.ExpiresAt <= now => ReceiptCode.ReceiptExpired,
            _ => ReceiptCode.ReceiptResourceMismatch,
        });
    }

    private static async Task<ReceiptVerification?> TryCountReuseAsync(P402DbContext db, string merchantId, string id, string resource, DateTime now, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = CountReuse;
        Add(command, "@id", id);
        Add(command, "@merchant", merchantId);
        Add(command, "@resource", resource);
        Add(command, "@now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var expiresAt = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc);
        return new ReceiptVerification(true, null, reader.GetInt64(0), expiresAt, resource, reader.GetString(2));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
