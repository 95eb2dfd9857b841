using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain;
using P402.Tests.Infrastructure;

namespace P402.Tests.Chain.Status;

/// <summary>The overview's chain card reads the real facilitator wallet and gas price.</summary>
public sealed class ChainStatusServiceTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>
{
    [Fact]
    public async Task GetAsync_OnDevChain_ReportsFacilitatorBalanceAndGasPrice()
    {
        await using var app = new P402AppFactory(chain);
        var expectedWei = await chain.Rpc.GetBalanceAsync(chain.Chain.Facilitator.Address);

        var snapshot = await app.Services.GetRequiredService<ChainStatusService>().GetAsync(CancellationToken.None);

        Assert.Equal("eip155:8453", snapshot.Network);
        Assert.Equal(chain.Chain.Facilitator.Address.ToString(), snapshot.FacilitatorAddress);
        Assert.Equal((decimal)(expectedWei / 1_000_000_000_000) / 1_000_000m, snapshot.FacilitatorEthBalance);
        Assert.False(snapshot.LowBalance);
        Assert.True(snapshot.GasPriceWei > 0);
        Assert.True(snapshot.BlockNumber >= 0);
    }

    [Fact]
    public async Task GetAsync_BalanceBelowThreshold_WarnsLowBalance()
    {
        await using var app = new P402AppFactory(chain, settings: new Dictionary<string, string?> { ["Chain:LowBalanceEth"] = "100000000" });

        var snapshot = await app.Services.GetRequiredService<ChainStatusService>().GetAsync(CancellationToken.None);

        Assert.True(snapshot.LowBalance);
    }
}
