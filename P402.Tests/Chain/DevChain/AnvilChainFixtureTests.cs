using System.Numerics;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;

namespace P402.Tests.Chain.DevChain;

/// <summary>The fixture's anvil helpers do what other tests rely on.</summary>
public sealed class AnvilChainFixtureTests(AnvilChainFixture anvil) : IClassFixture<AnvilChainFixture>
{
    [Fact]
    public async Task RevertAsync_AfterMint_RestoresBalance()
    {
        var holder = EthKey.Generate().Address;
        var snapshot = await anvil.SnapshotAsync();
        await anvil.MintUsdcAsync(holder, 5);
        Assert.Equal(5, await anvil.BalanceOfUsdcAsync(holder));

        await anvil.RevertAsync(snapshot);

        Assert.Equal(BigInteger.Zero, await anvil.BalanceOfUsdcAsync(holder));
    }

    [Fact]
    public async Task MineAsync_ThreeBlocks_AdvancesBlockNumberByThree()
    {
        var before = await anvil.Rpc.BlockNumberAsync();

        await anvil.MineAsync(3);

        Assert.Equal(before + 3, await anvil.Rpc.BlockNumberAsync());
    }

    [Fact]
    public async Task SetNextBaseFeeAsync_ThenMine_LatestBlockHasThatBaseFee()
    {
        var baseFee = new BigInteger(123_000_000_000);

        await anvil.SetNextBaseFeeAsync(baseFee);
        await anvil.MineAsync();

        Assert.Equal(baseFee, await anvil.Rpc.GetLatestBaseFeeAsync());
    }

    [Fact]
    public async Task IncreaseTimeAsync_OneHour_LatestBlockIsAnHourLater()
    {
        var before = await anvil.LatestBlockTimestampAsync();

        await anvil.IncreaseTimeAsync(TimeSpan.FromHours(1));

        var after = await anvil.LatestBlockTimestampAsync();
        Assert.InRange(after - before, 3600, 3600 + 30);
    }

    [Fact]
    public async Task SetAutomineAsync_Off_TransactionWaitsForMine()
    {
        var holder = EthKey.Generate().Address;
        await anvil.SetAutomineAsync(false);
        try
        {
            var minter = anvil.Chain.Minter.Address;
            var nonce = await anvil.Rpc.GetTransactionCountAsync(minter, BlockTag.Latest);
            var mint = anvil.MintUsdcAsync(holder, 9);
            while (await anvil.Rpc.GetTransactionCountAsync(minter, BlockTag.Pending) == nonce)
            {
                await Task.Yield(); // until the mint is in the pool
            }
            Assert.Equal(BigInteger.Zero, await anvil.BalanceOfUsdcAsync(holder));
            Assert.False(mint.IsCompleted);

            await anvil.MineAsync();
            await mint;
        }
        finally
        {
            await anvil.SetAutomineAsync(true);
        }

        Assert.Equal(9, await anvil.BalanceOfUsdcAsync(holder));
    }
}
