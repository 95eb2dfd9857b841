using System.Numerics;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Core.Chain;

/// <summary>
/// The two reads a verify makes after its simulated transfer reverted (authorizationState, balanceOf), to name the refusal
/// precisely, as one JSON-RPC batch: one HTTP round trip instead of two. Each answer is read as
/// <see cref="EthereumRpc.CallAsync"/> reads a single call: the same results, the same exceptions, in the same order of precedence.
/// </summary>
internal static class TokenStateBatch
{
    public const string SimulationReverted = "The simulated transfer reverted.";
    private const string Method = "eth_call";

    /// <summary>The two answers, or null when the node refused the batch as such (then ask call by call).</summary>
    public static async Task<(bool Used, BigInteger Balance)?> TryReadAsync(JsonRpcClient client, EthAddress asset, TransferAuthorization authorization,
        string block, CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonRpcResponse> answers;
        try
        {
            answers = await client.BatchAsync(
            [
                Call(asset, TokenCalls.AuthorizationState(authorization.From, authorization.Nonce), null, block),
                Call(asset, TokenCalls.BalanceOf(authorization.From), null, block),
            ], cancellationToken: cancellationToken);
        }
        catch (Exception e) when (BatchRefusal.Is(e))
        {
            return null;
        }
        return (Abi.DecodeBool(Result(answers[0])), Abi.DecodeUint256(Result(answers[1])));
    }

    internal static byte[] Result(JsonRpcResponse answer)
    {
        if (answer.Error is { } error)
        {
            if (!error.IsExecutionReverted)
            {
                throw error;
            }
            error.TryGetRevertData(out var revertData);
            throw new ContractRevertException(revertData, Abi.TryDecodeRevertReason(revertData, out var reason) ? reason : null, error);
        }
        try
        {
            return RpcJson.Bytes(answer.Result);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new RpcUnavailableException(Method, "The node's result is malformed.", e);
        }
    }

    private static JsonRpcRequest Call(EthAddress to, byte[] data, EthAddress? from, string block)
    {
        var call = new Dictionary<string, object?>(3) { ["to"] = to, ["data"] = data };
        if (from is { } sender)
        {
            call["from"] = sender;
        }
        return new JsonRpcRequest(Method, [call, block]);
    }
}
