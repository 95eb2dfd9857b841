namespace P402.Core.Chain.Rpc;

/// <summary>The block tags P402 asks about.</summary>
public static class BlockTag
{
    public const string Latest = "latest";

    /// <summary>Includes the node's pending pool: the next nonce to use for a new transaction.</summary>
    public const string Pending = "pending";
}
