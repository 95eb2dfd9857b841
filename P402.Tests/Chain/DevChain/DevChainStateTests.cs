using System.Numerics;
using Microsoft.Extensions.Logging.Abstractions;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using DevChainNode = P402.Core.Chain.DevChain.DevChain;

namespace P402.Tests.Chain.DevChain;

public sealed class DevChainStateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("p402-devchain-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task StartAsync_SameStatePathTwice_KeepsChainAndDoesNotMintAgain()
    {
        var options = new DevChainOptions { StatePath = Path.Combine(_directory, "not-yet", "anvil-state.json") };
        var recipient = EthKey.Generate().Address;
        long blockBefore;
        await using (var first = await DevChainNode.StartAsync(options, NullLogger.Instance))
        {
            await first.Rpc.Client.CallAsync("anvil_mine", [new BigInteger(5)]);
            await first.Rpc.Client.CallAsync("anvil_setBalance", [recipient, new BigInteger(777)]);
            blockBefore = await first.Rpc.BlockNumberAsync();
        }
        Assert.True(File.Exists(options.StatePath));

        await using var second = await DevChainNode.StartAsync(options, NullLogger.Instance);

        Assert.True(await second.Rpc.BlockNumberAsync() >= blockBefore);
        Assert.Equal(777, await second.Rpc.GetBalanceAsync(recipient));
        var supply = Abi.DecodeUint256(await second.Rpc.CallAsync(second.UsdcAddress, Abi.Selector("totalSupply()")));
        Assert.Equal(DevChainNode.PayerFunding * second.Payers.Count, supply);
    }

    [Fact]
    public async Task StartAsync_PayerSpentBelowHalf_TopsUpToFunding()
    {
        var options = new DevChainOptions { StatePath = Path.Combine(_directory, "anvil-state.json") };
        var payer = DevAccounts.Payers[1];
        await using (var first = await DevChainNode.StartAsync(options, NullLogger.Instance))
        {
            var spend = Abi.EncodeCall(Abi.Selector("transfer(address,uint256)"), AbiValue.Address(EthKey.Generate().Address),
                AbiValue.Uint256(DevChainNode.PayerFunding * 3 / 4));
            var hash = (await first.Rpc.Client.CallAsync("eth_sendTransaction",
                [new Dictionary<string, object?> { ["from"] = payer.Address, ["to"] = first.UsdcAddress, ["data"] = spend }])).GetString()!;
            Assert.True((await WaitForReceiptAsync(first, hash)).Succeeded);
        }

        await using var second = await DevChainNode.StartAsync(options, NullLogger.Instance);

        var balance = Abi.DecodeUint256(await second.Rpc.CallAsync(second.UsdcAddress,
            Abi.EncodeCall(Abi.Selector("balanceOf(address)"), AbiValue.Address(payer.Address))));
        Assert.Equal(DevChainNode.PayerFunding, balance);
    }

    /// <summary>anvil answers eth_sendTransaction before its automine has produced the receipt.</summary>
    private static async Task<TransactionReceipt> WaitForReceiptAsync(DevChainNode chain, string hash)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await chain.Rpc.GetTransactionReceiptAsync(hash, timeout.Token) is { } receipt)
            {
                return receipt;
            }
            await Task.Delay(25, timeout.Token);
        }
    }
}
