using Microsoft.EntityFrameworkCore;
using P402.Core.Data;

namespace P402.Core.Receipts;

/// <summary>
/// Turns <see cref="Receipt.RevokedBy"/> (<c>user:…</c> or <c>key:…</c>, see <see cref="ReceiptRevoker"/>) into
/// what a person recognises: the user's email, or the API key's name.
/// </summary>
public sealed class RevokerNames(IDbContextFactory<P402DbContext> contexts)
{
    private const string UserPrefix = "user:";
    private const string KeyPrefix = "key:";

    /// <summary>The email or key name behind <paramref name="revokedBy"/>; the raw value when nothing matches; null for null.</summary>
    public async Task<string?> DescribeAsync(string merchantId, string? revokedBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(revokedBy))
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (revokedBy.StartsWith(UserPrefix, StringComparison.Ordinal))
        {
            var userId = revokedBy[UserPrefix.Length..];
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => u.Email ?? u.UserName).FirstOrDefaultAsync(cancellationToken);
            return user ?? "a user who no longer exists";
        }
        if (revokedBy.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            var keyId = revokedBy[KeyPrefix.Length..];
            var key = await db.ApiKeys.AsNoTracking().Where(k => k.Id == keyId && k.MerchantId == merchantId)
                .Select(k => k.Name).FirstOrDefaultAsync(cancellationToken);
            return key is null ? "an API key" : $"API key “{key}”";
        }
        return revokedBy;
    }
}
