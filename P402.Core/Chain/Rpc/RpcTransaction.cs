using System.Numerics;
using System.Text.Json;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.Rpc;

/// <summary>
/// A transaction as the node knows it (<c>eth_getTransactionByHash</c>); <see cref="BlockNumber"/> is
/// null while it waits in the pool. Fee fields are null where the transaction type has none.
/// </summary>
public sealed record RpcTransaction(
    string Hash,
    int Type,
    long Nonce,
    EthAddress From,
    EthAddress? To,
    BigInteger Value,
    long Gas,
    byte[] Input,
    BigInteger? GasPrice,
    BigInteger? MaxFeePerGas,
    BigInteger? MaxPriorityFeePerGas,
    long? BlockNumber)
{
    public bool IsPending => BlockNumber is null;

    internal static RpcTransaction? Read(JsonElement result)
    {
        if (result.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return new RpcTransaction(
            RpcJson.String(result, "hash"),
            (int)(RpcJson.OptionalInt64(result, "type") ?? 0),
            RpcJson.Int64(result, "nonce"),
            RpcJson.Address(result, "from"),
            RpcJson.OptionalAddress(result, "to"),
            RpcJson.Quantity(result, "value"),
            RpcJson.Int64(result, "gas"),
            RpcJson.Bytes(result, "input"),
            RpcJson.OptionalQuantity(result, "gasPrice"),
            RpcJson.OptionalQuantity(result, "maxFeePerGas"),
            RpcJson.OptionalQuantity(result, "maxPriorityFeePerGas"),
            RpcJson.OptionalInt64(result, "blockNumber"));
    }
}
