using P402.Core.Chain.Rpc;

namespace P402.Core.Payments.Sending;

/// <summary>What a node's refusal of <c>eth_sendRawTransaction</c> means for a transaction P402 sends again as signed.</summary>
internal static class BroadcastAnswers
{
    /// <summary>The node already has this very transaction (geth: "already known"; anvil: "transaction already imported").</summary>
    public static bool IsAlreadyKnown(JsonRpcException e) =>
        e.RpcMessage.Contains("already known", StringComparison.OrdinalIgnoreCase)
        || e.RpcMessage.Contains("already imported", StringComparison.OrdinalIgnoreCase)
        || e.RpcMessage.Contains("known transaction", StringComparison.OrdinalIgnoreCase);

    /// <summary>The key's nonce moved past this transaction's: it was mined (perhaps this very one, after a lost answer) or another took the nonce.</summary>
    public static bool IsNonceTooLow(JsonRpcException e) => e.RpcMessage.Contains("nonce too low", StringComparison.OrdinalIgnoreCase);

    /// <summary>The pool will not take the transaction at its fees (geth: "underpriced", "fee cap less than block base fee").</summary>
    public static bool IsUnderpriced(JsonRpcException e) =>
        e.RpcMessage.Contains("underpriced", StringComparison.OrdinalIgnoreCase)
        || e.RpcMessage.Contains("less than block base fee", StringComparison.OrdinalIgnoreCase)
        || e.RpcMessage.Contains("max fee per gas less than", StringComparison.OrdinalIgnoreCase);
}
