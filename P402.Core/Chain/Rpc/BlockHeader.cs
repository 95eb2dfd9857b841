using System.Numerics;
using System.Text.Json;

namespace P402.Core.Chain.Rpc;

/// <summary>What P402 reads of a block (<c>eth_getBlockByNumber</c> without its transactions): where it sits in the chain, and its base fee.</summary>
public sealed record BlockHeader(long Number, string Hash, string ParentHash, BigInteger BaseFeePerGas)
{
    internal static BlockHeader? Read(JsonElement result) => result.ValueKind == JsonValueKind.Null
        ? null
        : new BlockHeader(
            RpcJson.Int64(result, "number"),
            RpcJson.String(result, "hash"),
            RpcJson.String(result, "parentHash"),
            RpcJson.OptionalQuantity(result, "baseFeePerGas") ?? BigInteger.Zero);
}
