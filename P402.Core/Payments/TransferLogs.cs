using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Core.Payments;

/// <summary>Finds the token's <c>Transfer(from, to, value)</c> that proves a settlement paid what it should.</summary>
internal static class TransferLogs
{
    public static bool Contains(TransactionReceipt receipt, Settlement settlement)
    {
        var token = EthAddress.Parse(settlement.Asset);
        var from = Topic(EthAddress.Parse(settlement.Payer));
        var to = Topic(EthAddress.Parse(settlement.PayTo));
        return receipt.Logs.Any(log =>
            log.Address == token
            && log.Topics.Count == 3
            && log.Topics[0].AsSpan().SequenceEqual(TokenCalls.TransferTopic)
            && log.Topics[1].AsSpan().SequenceEqual(from)
            && log.Topics[2].AsSpan().SequenceEqual(to)
            && log.Data.Length == 32
            && Abi.DecodeUint256(log.Data) == settlement.Value);
    }

    private static byte[] Topic(EthAddress address)
    {
        var topic = new byte[32];
        address.Bytes.CopyTo(topic.AsSpan(12));
        return topic;
    }
}
