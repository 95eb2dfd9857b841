namespace P402.Core.Overview;

/// <summary>A merchant's totals (all time) and recent activity, for the dashboard's overview.</summary>
/// <param name="SettledVolume">Sum of confirmed settlement values, atomic units (USDC: 1000000 = $1.00).</param>
/// <param name="SettlementCount">Confirmed settlements.</param>
/// <param name="PendingCount">Settlements still Pending or Submitted.</param>
/// <param name="FailedCount">Failed settlements.</param>
/// <param name="ActiveReceipts">Receipts neither revoked nor expired.</param>
/// <param name="TotalReuses">Reuses counted over all receipts.</param>
/// <param name="GasSpentWei">Gas used × effective gas price over every mined settlement, in wei.</param>
/// <param name="Activity">Oldest first, one bucket per hour or day of <paramref name="Range"/>, empty buckets included.</param>
/// <param name="Range">The activity window.</param>
public sealed record OverviewStats(
    long SettledVolume,
    int SettlementCount,
    int PendingCount,
    int FailedCount,
    int ActiveReceipts,
    long TotalReuses,
    decimal GasSpentWei,
    IReadOnlyList<ActivityBucket> Activity,
    OverviewRange Range);
