using Bunit;
using P402.Core.Merchants;
using P402.Core.Payments;
using P402.Core.Receipts;
using OverviewPage = P402.Dashboard.Components.Pages.Overview.Overview;

namespace P402.Tests.Dashboard;

public sealed class OverviewPageTests : DashboardTestContext
{
    [Fact]
    public async Task Overview_NewMerchant_ShowsZerosAndAnEmptyChart()
    {
        await SignInNewMerchantAsync(MerchantRole.Viewer);

        var host = RenderPage<OverviewPage>();

        host.WaitForAssertion(() => Assert.Equal("$0.00", host.Find("[data-testid=stat-volume-value]").TextContent.Trim()));
        Assert.NotNull(host.Find("[data-testid=activity-empty]"));
    }

    [Fact]
    public async Task Overview_WithPayments_ShowsThisMerchantsTotals()
    {
        var other = await Get<MerchantService>().CreateAsync("Other", CancellationToken.None);
        await Seed.SettlementAsync(other.Id, 99_000_000);
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Owner);
        await Seed.SettlementAsync(merchantId, 1_000_000);
        await Seed.SettlementAsync(merchantId, 500_000, SettlementStatus.Failed);
        await Seed.SettlementAsync(merchantId, 250_000, SettlementStatus.Submitted);
        var receipt = await Seed.ReceiptAsync(merchantId);
        await Get<ReceiptVerifier>().VerifyAsync(merchantId, receipt.Id, receipt.Resource, CancellationToken.None);

        var host = RenderPage<OverviewPage>();

        host.WaitForAssertion(() => Assert.Equal("$1.01", host.Find("[data-testid=stat-volume-value]").TextContent.Trim()));
        Assert.Equal("2", host.Find("[data-testid=stat-settlements-value]").TextContent.Trim());
        Assert.Contains("1 pending · 1 failed", host.Find("[data-testid=stat-settlements]").TextContent, StringComparison.Ordinal);
        Assert.Equal("1", host.Find("[data-testid=stat-receipts-value]").TextContent.Trim());
        Assert.Equal("1", host.Find("[data-testid=stat-reuses-value]").TextContent.Trim());
        // Two mined settlements (confirmed + failed) at 60,000 gas × 1 gwei each, plus the receipt's settlement.
        Assert.Equal("0.00018 ETH", host.Find("[data-testid=stat-gas-value]").TextContent.Trim());
        Assert.Empty(host.FindAll("[data-testid=activity-empty]"));
    }

    [Fact]
    public async Task Overview_ChainUnreachable_ShowsTheStatsAndAChainWarning()
    {
        await SignInNewMerchantAsync(MerchantRole.Owner);

        var host = RenderPage<OverviewPage>();

        host.WaitForElement("[data-testid=chain-error]");
        Assert.NotNull(host.Find("[data-testid=stat-volume-value]"));
    }
}
