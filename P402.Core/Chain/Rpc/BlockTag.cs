namespace P402.Core.Chain.Rpc;

/// <summary>The block tags P402 asks about.</summary>
public static class BlockTag
{
    public const string Latest = "latest";

    /// <summary>
    /// The block the node would mine next: it includes the pending pool (the next nonce to use for a new
    /// transaction) and carries the node's current time rather than the last block's.
    /// </summary>
    public const string Pending = "pending";
}
