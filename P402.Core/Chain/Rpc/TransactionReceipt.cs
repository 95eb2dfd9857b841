using System.Numerics;
using System.Text.Json;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.Rpc;

/// <summary>The outcome of a mined transaction. <see cref="Status"/> is 1 for success, 0 for a revert.</summary>
public sealed record TransactionReceipt(
    string TransactionHash,
    int Status,
    long BlockNumber,
    string BlockHash,
    long GasUsed,
    BigInteger EffectiveGasPrice,
    EthAddress From,
    EthAddress? To,
    IReadOnlyList<TransactionLog> Logs)
{
    public bool Succeeded => Status == 1;

    internal static TransactionReceipt? Read(JsonElement result)
    {
        if (result.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var logs = new List<TransactionLog>();
        if (result.TryGetProperty("logs", out var logArray) && logArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var log in logArray.EnumerateArray())
            {
                var topics = new List<byte[]>(4);
                foreach (var topic in log.GetProperty("topics").EnumerateArray())
                {
                    topics.Add(RpcJson.Bytes(topic));
                }
                logs.Add(new TransactionLog(RpcJson.Address(log, "address"), topics, RpcJson.Bytes(log, "data"),
                    RpcJson.OptionalInt64(log, "logIndex") ?? 0));
            }
        }
        return new TransactionReceipt(
            RpcJson.String(result, "transactionHash"),
            (int)RpcJson.Int64(result, "status"),
            RpcJson.Int64(result, "blockNumber"),
            RpcJson.String(result, "blockHash"),
            RpcJson.Int64(result, "gasUsed"),
            RpcJson.OptionalQuantity(result, "effectiveGasPrice") ?? BigInteger.Zero,
            RpcJson.Address(result, "from"),
            RpcJson.OptionalAddress(result, "to"),
            logs);
    }
}
