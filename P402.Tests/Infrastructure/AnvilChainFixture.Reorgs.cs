using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Tests.Infrastructure;

/// <summary>Reorganising the fixture's chain, and reading what is on it afterwards.</summary>
public sealed partial class AnvilChainFixture
{
    /// <summary>keccak256("Transfer(address,address,uint256)"), as a topic filter.</summary>
    private static readonly string TransferTopic = Hex.Encode(P402.Core.Chain.TokenCalls.TransferTopic);

    /// <summary>
    /// anvil_reorg: the last <paramref name="depth"/> blocks are replaced by as many new, empty ones (same height, other hashes). anvil
    /// forgets the transactions those blocks held: they are neither mined nor in its pool any more.
    /// </summary>
    public Task ReorgAsync(int depth) => Client.CallAsync("anvil_reorg", [depth, Array.Empty<object>()]);

    /// <summary>The latest block (number, hash, parent).</summary>
    public async Task<BlockHeader> HeadAsync() => (await Rpc.GetBlockHeaderAsync(BlockTag.Latest))!;

    /// <summary>Every DevUsdc Transfer to <paramref name="to"/> on the chain as it is now (eth_getLogs from block 0): (transaction, block hash).</summary>
    public async Task<IReadOnlyList<(string TxHash, string BlockHash)>> UsdcTransfersToAsync(EthAddress to)
    {
        var filter = new Dictionary<string, object?>
        {
            ["fromBlock"] = "0x0",
            ["toBlock"] = BlockTag.Latest,
            ["address"] = Usdc,
            ["topics"] = new object?[] { TransferTopic, null, "0x" + new string('0', 24) + to.ToLowerHex()[2..] },
        };
        var logs = await Client.CallAsync("eth_getLogs", [filter]);
        return [.. logs.EnumerateArray().Select(l => (l.GetProperty("transactionHash").GetString()!, l.GetProperty("blockHash").GetString()!))];
    }
}
