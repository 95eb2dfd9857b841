using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using P402.Core.Common;
using P402.Core.Data;

namespace P402.Core.Payments;

/// <summary>The merchant's settlements: one query shared by the API, the grid and the CSV export.</summary>
public sealed class SettlementQueries(IDbContextFactory<P402DbContext> contexts)
{
    public async Task<Page<SettlementView>> ListAsync(string merchantId, SettlementFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filter(db, merchantId, filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Order(query, filter).Skip(page.Skip).Take(page.SafePageSize).ToListAsync(cancellationToken);
        return new Page<SettlementView>(rows.ConvertAll(SettlementView.From), page.SafePage, page.SafePageSize, total);
    }

    public async Task<SettlementView?> GetAsync(string merchantId, string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Settlements.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.MerchantId == merchantId, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var attempts = await db.SettlementAttempts.AsNoTracking().Where(a => a.SettlementId == row.Id).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        return SettlementView.From(row) with { Attempts = attempts.ConvertAll(Sending.AttemptView.From) };
    }

    public async IAsyncEnumerable<SettlementView> ExportAsync(string merchantId, SettlementFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await foreach (var row in Order(Filter(db, merchantId, filter), filter).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return SettlementView.From(row);
        }
    }

    private static IQueryable<Settlement> Filter(P402DbContext db, string merchantId, SettlementFilter filter)
    {
        var query = db.Settlements.AsNoTracking().Where(s => s.MerchantId == merchantId);
        if (filter.Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(filter.Payer))
        {
            var payer = filter.Payer.Trim().ToLowerInvariant();
            query = query.Where(s => s.Payer == payer);
        }
        if (filter.From is { } from)
        {
            query = query.Where(s => s.CreatedAt >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(s => s.CreatedAt < to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = filter.Search.Trim();
            if (SettlementSearch.IsHashPrefix(search))
            {
                // The grid shows hashes shortened (0x1234ab…): their beginning finds them.
                var prefix = search.ToLowerInvariant();
                query = query.Where(s => s.TxHash != null && s.TxHash.StartsWith(prefix));
            }
            else
            {
                query = query.Where(s => s.RequestId == search || s.Id == search);
            }
        }
        return query;
    }

    private static IQueryable<Settlement> Order(IQueryable<Settlement> query, SettlementFilter filter) => (filter.Sort, filter.Descending) switch
    {
        (SettlementSort.Value, true) => query.OrderByDescending(s => s.Value).ThenByDescending(s => s.Id),
        (SettlementSort.Value, false) => query.OrderBy(s => s.Value).ThenBy(s => s.Id),
        (SettlementSort.Status, true) => query.OrderByDescending(s => s.Status).ThenByDescending(s => s.Id),
        (SettlementSort.Status, false) => query.OrderBy(s => s.Status).ThenBy(s => s.Id),
        (SettlementSort.Payer, true) => query.OrderByDescending(s => s.Payer).ThenByDescending(s => s.Id),
        (SettlementSort.Payer, false) => query.OrderBy(s => s.Payer).ThenBy(s => s.Id),
        (SettlementSort.CreatedAt, false) => query.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id),
        (SettlementSort.CreatedAt, true) => query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id),
    };
}
