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
        var query = Filter(db.PaymentLog.AsNoTracking().Where(p => p.MerchantId == merchantId), filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Skip(page.Skip).Take(page.SafePageSize).ToListAsync(cancellationToken);
        return new Page<PaymentLogView>(rows.ConvertAll(PaymentLogView.From), page.SafePage, page.SafePageSize, total);
    }

    private static IQueryable<PaymentLogEntry> Filter(IQueryable<PaymentLogEntry> query, PaymentLogFilter filter)
    {
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
        if (filter.From is { } from)
        {
            query = query.Where(p => p.CreatedAt >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(p => p.CreatedAt < to);
        }
        return query;
    }
}
