using Microsoft.EntityFrameworkCore;
using P402.Core.Data;
using P402.Core.Payments;

namespace P402.Core.Overview;

/// <summary>The aggregate queries behind the dashboard's overview, scoped to one merchant.</summary>
public sealed class OverviewService(IDbContextFactory<P402DbContext> contexts, TimeProvider time)
{
    public async Task<OverviewStats> GetAsync(string merchantId, OverviewRange range, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settlements = db.Settlements.AsNoTracking().Where(s => s.MerchantId == merchantId);

        var byStatus = await settlements
            .GroupBy(s => s.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Volume = g.Sum(s => s.Value) })
            .ToListAsync(cancellationToken);
        // Doubles: the product of gas and wei overflows a 64-bit integer sum; the overview shows ETH to 6 places.
        // Every mined attempt's gas counts, a reverted one too, also when the payment was retried and its row reused;
        // a settlement from before attempts were recorded counts its own transaction's.
        var attemptGas = await db.SettlementAttempts.AsNoTracking()
            .Where(a => a.GasUsed != null && a.EffectiveGasPriceWei != null && settlements.Any(s => s.Id == a.SettlementId))
            .SumAsync(a => (double)a.GasUsed!.Value * (double)a.EffectiveGasPriceWei!.Value, cancellationToken);
        var unrecordedGas = await settlements
            .Where(s => s.GasUsed != null && s.EffectiveGasPriceWei != null && !db.SettlementAttempts.Any(a => a.SettlementId == s.Id))
            .SumAsync(s => (double)s.GasUsed!.Value * (double)s.EffectiveGasPriceWei!.Value, cancellationToken);
        var gasSpent = attemptGas + unrecordedGas;

        var receipts = db.Receipts.AsNoTracking().Where(r => r.MerchantId == merchantId);
        var activeReceipts = await receipts.CountAsync(r => r.RevokedAt == null && r.ExpiresAt > now, cancellationToken);
        var totalReuses = await receipts.SumAsync(r => r.ReuseCount, cancellationToken);

        var (from, step, count) = Window(range, now);
        var recent = await settlements
            .Where(s => s.Status == SettlementStatus.Confirmed && s.CreatedAt >= from)
            .Select(s => new { s.CreatedAt, s.Value })
            .ToListAsync(cancellationToken);
        var buckets = new (int Count, long Volume)[count];
        foreach (var settlement in recent)
        {
            var index = (int)((settlement.CreatedAt - from).Ticks / step.Ticks);
            if (index is >= 0 && index < count)
            {
                buckets[index] = (buckets[index].Count + 1, buckets[index].Volume + settlement.Value);
            }
        }
        var activity = buckets.Select((b, i) => new ActivityBucket(from + (step * i), b.Count, b.Volume)).ToList();

        int CountOf(params SettlementStatus[] statuses) => byStatus.Where(s => statuses.Contains(s.Status)).Sum(s => s.Count);
        return new OverviewStats(
            SettledVolume: byStatus.Where(s => s.Status == SettlementStatus.Confirmed).Sum(s => s.Volume),
            SettlementCount: CountOf(SettlementStatus.Confirmed),
            PendingCount: CountOf(SettlementStatus.Pending, SettlementStatus.Submitted),
            FailedCount: CountOf(SettlementStatus.Failed),
            ActiveReceipts: activeReceipts,
            TotalReuses: totalReuses,
            GasSpentWei: (decimal)gasSpent,
            Activity: activity,
            Range: range);
    }

    /// <summary>The first bucket's start (aligned to the hour or the day), the bucket size and the bucket count; the last bucket holds now.</summary>
    internal static (DateTime From, TimeSpan Step, int Count) Window(OverviewRange range, DateTime now) => range switch
    {
        OverviewRange.Last24Hours => (new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(-23), TimeSpan.FromHours(1), 24),
        OverviewRange.Last7Days => (now.Date.AddDays(-6), TimeSpan.FromDays(1), 7),
        OverviewRange.Last30Days => (now.Date.AddDays(-29), TimeSpan.FromDays(1), 30),
    };
}
