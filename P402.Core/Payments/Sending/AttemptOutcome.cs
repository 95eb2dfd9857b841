namespace P402.Core.Payments.Sending;

/// <summary>What became of one broadcast of a settlement's transaction.</summary>
public enum AttemptOutcome
{
    /// <summary>Broadcast (or about to be), not mined yet: the watcher asks for its receipt.</summary>
    Pending,

    /// <summary>Mined with status 1: this attempt is the settlement's transaction.</summary>
    Mined,

    /// <summary>Another attempt with the same nonce (a fee replacement, or this one's original) was mined instead.</summary>
    Replaced,

    /// <summary>Never mined and no longer minable: the node forgot it and refused it again, or its nonce went to another transaction.</summary>
    Dropped,

    /// <summary>Mined with status 0: the facilitator paid its gas, the payment was not made.</summary>
    Reverted,

    /// <summary>The node refused the broadcast: nothing reached the chain.</summary>
    Refused,

    /// <summary>
    /// Not this settlement's transaction: a 0-value self-transfer the facilitator sent to fill a nonce gap this settlement's
    /// transaction waited behind. Its gas, once mined, is the facilitator's and counts with this settlement's.
    /// </summary>
    GapFill,
}
