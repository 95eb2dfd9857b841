namespace P402.Core.Payments;

/// <summary>Pending → Submitted → Confirmed | Failed.</summary>
public enum SettlementStatus
{
    /// <summary>The authorization is reserved; no transaction has left P402.</summary>
    Pending,

    /// <summary>A signed transaction exists (its hash is known) and may be on the chain.</summary>
    Submitted,

    /// <summary>Mined with status 1 and the matching Transfer log.</summary>
    Confirmed,

    /// <summary>Reverted, dropped or refused; the authorization was not spent by P402.</summary>
    Failed,
}
