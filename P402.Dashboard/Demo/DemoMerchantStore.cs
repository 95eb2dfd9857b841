using Microsoft.EntityFrameworkCore;
using P402.Core.Data;

namespace P402.Dashboard.Demo;

/// <summary>
/// The demo merchant's row, under a fixed, well-formed id so that each start finds the same merchant (no
/// name lookup that a registered merchant could collide with). No account belongs to it.
/// </summary>
internal sealed class DemoMerchantStore(IDbContextFactory<P402DbContext> contexts, TimeProvider time)
{
    /// <summary>A ULID-shaped id from the dawn of time: sorts first, can't be produced by <c>Ids.New</c>.</summary>
    public const string MerchantId = "mch_0000000000000000000000DEM0";

    public const string MerchantName = "Demo merchant";

    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Merchants.AnyAsync(m => m.Id == MerchantId, cancellationToken))
        {
            return MerchantId;
        }
        db.Merchants.Add(new P402.Core.Merchants.Merchant { Id = MerchantId, Name = MerchantName, CreatedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance on the same database may have made it first; anything else is a real failure.
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await again.Merchants.AnyAsync(m => m.Id == MerchantId, cancellationToken))
            {
                throw;
            }
        }
        return MerchantId;
    }
}
