namespace P402.Core.Payments;

/// <summary>
/// This instance's reservation of a settlement was released by another instance (which took this one for dead) or taken
/// by a retry: it must not send it, nor record anything on it.
/// </summary>
public sealed class SettlementReleasedException(string settlementId)
    : Exception($"Settlement {settlementId} is no longer this instance's reservation; nothing was sent.")
{
    public string SettlementId { get; } = settlementId;
}
