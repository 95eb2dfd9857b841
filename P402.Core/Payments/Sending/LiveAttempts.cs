using P402.Core.Chain.Rpc;

namespace P402.Core.Payments.Sending;

/// <summary>Which hashes the watcher asks receipts for: every live attempt of a Submitted settlement, its current one included.</summary>
internal static class LiveAttempts
{
    public static IReadOnlyList<string> Hashes(Settlement settlement, IReadOnlyDictionary<string, IReadOnlyList<SettlementAttempt>> live) =>
        live.TryGetValue(settlement.Id, out var attempts)
            ? [.. attempts.Select(a => a.TxHash).Append(settlement.TxHash!).Distinct(StringComparer.OrdinalIgnoreCase)]
            : [settlement.TxHash!];

    /// <summary>The receipt of whichever of the settlement's attempts was mined (at most one can be: they share a nonce).</summary>
    public static TransactionReceipt? FirstMined(TransactionReceipt?[] receipts, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (receipts[i] is { } receipt)
            {
                return receipt;
            }
        }
        return null;
    }
}
