using Bunit;
using P402.Core.Chain;
using P402.Core.Chain.Signers;
using P402.Dashboard.Components.Pages.Overview.Components;

namespace P402.Tests.Dashboard;

/// <summary>The overview's chain card lists every signer key: balance, in-flight settlements, last error, and which are skipped for low balance.</summary>
public sealed class ChainCardSignerTests : DashboardTestContext
{
    [Fact]
    public void ChainCard_SeveralSignerKeys_ShowsEachKeysBalanceInFlightAndLastError()
    {
        var snapshot = new ChainSnapshot("eip155:8453", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", 2.5m, false, 1_000_000_000, 42, false, null,
        [
            new SignerSnapshot("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", 2.5m, false, 3, null),
            new SignerSnapshot("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", 0m, true, 0, "insufficient funds for gas * price + value"),
        ]);

        var card = Render<ChainCard>(p => p.Add(c => c.Snapshot, snapshot).Add(c => c.GasPriceLimitWei, 50_000_000_000));

        var rows = card.FindAll("[data-testid=signer-row]");
        Assert.Equal(2, rows.Count);
        Assert.Equal("3", rows[0].QuerySelector("[data-testid=signer-in-flight]")!.TextContent.Trim());
        Assert.Null(rows[0].QuerySelector("[data-testid=signer-low]"));
        Assert.Equal("—", rows[0].QuerySelector("[data-testid=signer-last-error]")!.TextContent.Trim());
        Assert.NotNull(rows[1].QuerySelector("[data-testid=signer-low]"));
        Assert.Equal("insufficient funds for gas * price + value", rows[1].QuerySelector("[data-testid=signer-last-error]")!.TextContent.Trim());
    }
}
