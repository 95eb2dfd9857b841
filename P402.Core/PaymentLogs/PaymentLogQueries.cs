using Microsoft.EntityFrameworkCore;
using P402.Core.Common;
using P402.Core.Data;

namespace P402.Core.PaymentLogs;

/// <summary>The merchant's payment log, newest first: one query shared by the API and the dashboard's grid.</summary>
public sealed class PaymentLogQueries(IDbContextFactory<P402DbContext> contexts)
{
    public async Task<Page<PaymentLogView>> ListAsync(string merchantId, PaymentLogFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filter(db, merchantId, filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Newest(query).Skip(page.Skip).Take(page.SafePageSize).ToListAsync(cancellationToken);
        return new Page<PaymentLogView>(rows.ConvertAll(PaymentLogView.From), page.SafePage, page.SafePageSize, total);
    }

    /// <summary>
    /// Newest first by id, which is time order to the millisecond (ids are ULIDs of <see cref="PaymentLogEntry.CreatedAt"/>):
    /// the primary key's order, so no sort and no index on the time.
    /// </summary>
    internal static IQueryable<PaymentLogEntry> Newest(IQueryable<PaymentLogEntry> query) => query.OrderByDescending(p => p.Id);

    /// <summary>The merchant's entries that <paramref name="filter"/> asks for (the query plans are tested on both providers).</summary>
    internal static IQueryable<PaymentLogEntry> Filter(P402DbContext db, string merchantId, PaymentLogFilter filter)
    {
        var query = db.PaymentLog.AsNoTracking().Where(p => p.MerchantId == merchantId);
        if (!string.IsNullOrWhiteSpace(filter.RequestId))
        {
            var requestId = filter.RequestId.Trim();
            query = query.Where(p => p.RequestId == requestId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Payer))
        {
            var payer = filter.Payer.Trim().ToLowerInvariant();
            query = query.Where(p => p.Payer == payer);
        }
        if (!string.IsNullOrWhiteSpace(filter.Resource))
        {
            // A part of the URL, in any case: "weather" finds https://api.example.com/Weather?city=Lisbon.
            var part = filter.Resource.Trim().ToLowerInvariant();
            // Translated to SQL (lower(...) and a substring test) on every provider; no .NET culture is involved.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(p => p.Resource != null && p.Resource.ToLower().Contains(part));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (filter.Operation is { } operation)
        {
            query = query.Where(p => p.Operation == operation);
        }
        if (filter.Valid is { } valid)
        {
            query = query.Where(p => p.Valid == valid);
        }
        // The times as a range of the key (what the database searches by), and exactly (below the millisecond).
        if (filter.From is { } from)
        {
            var floor = PaymentLogIds.Floor(from);
            query = query.Where(p => p.Id.CompareTo(floor) >= 0 && p.CreatedAt >= from);
        }
        if (filter.To is { } to)
        {
            var above = PaymentLogIds.Above(to);
            query = query.Where(p => p.Id.CompareTo(above) < 0 && p.CreatedAt < to);
        }
        return query;
    }
}
