using Bunit;
using P402.Core.Merchants;
using P402.Core.Payments.Signatures;
using P402.Dashboard.Components.Pages.Settlements;

namespace P402.Tests.Dashboard;

/// <summary>The settlement detail says who paid: a plain key, a contract wallet, or a wallet this settlement deployed, with the deployment's gas.</summary>
public sealed class SettlementPayerKindTests : DashboardTestContext
{
    [Fact]
    public async Task Detail_WalletDeployedBySettlement_ShowsThePayerKindAndTheDeploymentGas()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Viewer);
        var settlement = await Seed.SettlementAsync(merchantId, payerKind: PayerKind.DeployedBySettlement, deploymentGas: 123_456);

        var fields = Render<SettlementDetail>(p => p.Add(d => d.Id, settlement.Id)).WaitForElement("[data-testid=settlement-fields]").TextContent;

        Assert.Contains("Contract wallet deployed by this settlement (ERC-6492)", fields, StringComparison.Ordinal);
        Assert.Contains("123,456 (included in gas used)", fields, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PayerKind.Eoa, "EOA (a plain key)")]
    [InlineData(PayerKind.ContractWallet, "Contract wallet (EIP-1271)")]
    public async Task Detail_PayerWithoutDeployment_ShowsItsKindAndNoDeploymentGas(PayerKind kind, string label)
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Viewer);
        var settlement = await Seed.SettlementAsync(merchantId, payerKind: kind);

        var fields = Render<SettlementDetail>(p => p.Add(d => d.Id, settlement.Id)).WaitForElement("[data-testid=settlement-fields]").TextContent;

        Assert.Contains(label, fields, StringComparison.Ordinal);
        Assert.DoesNotContain("included in gas used", fields, StringComparison.Ordinal);
    }
}
