using Bunit;
using P402.Core.Merchants;
using P402.Core.Payments;
using SettlementsPage = P402.Dashboard.Components.Pages.Settlements.Settlements;
using P402.Dashboard.Components.Pages.Settlements;

namespace P402.Tests.Dashboard;

public sealed class SettlementsPageTests : DashboardTestContext
{
    [Fact]
    public async Task Grid_NoSettlements_ShowsTheEmptyState()
    {
        await SignInNewMerchantAsync(MerchantRole.Viewer);

        var host = RenderPage<SettlementsPage>();

        host.WaitForElement("[data-testid=settlements-empty]");
    }

    [Fact]
    public async Task Grid_WithSettlements_ShowsThisMerchantsRowsNewestFirst()
    {
        var other = await Get<MerchantService>().CreateAsync("Other", CancellationToken.None);
        var theirs = await Seed.SettlementAsync(other.Id);
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Viewer);
        var older = await Seed.SettlementAsync(merchantId, 250_000, createdAt: DateTime.UtcNow.AddHours(-2));
        var newer = await Seed.SettlementAsync(merchantId, 10_000, SettlementStatus.Failed);

        var host = RenderPage<SettlementsPage>();

        host.WaitForElement($"[data-testid=settlement-row-{older.Id}]");
        var rows = host.FindAll("[data-testid^=settlement-row-]").Select(r => r.GetAttribute("data-testid")).ToList();
        Assert.Equal([$"settlement-row-{newer.Id}", $"settlement-row-{older.Id}"], rows);
        Assert.Equal("Failed", host.Find($"[data-testid=settlement-status-{newer.Id}]").TextContent.Trim());
        Assert.Contains("$0.25", host.Markup, StringComparison.Ordinal);
        Assert.Empty(host.FindAll($"[data-testid=settlement-row-{theirs.Id}]"));
    }

    [Fact]
    public async Task Search_ByTxHash_ShowsOnlyThatSettlement()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Owner);
        var wanted = await Seed.SettlementAsync(merchantId);
        var other = await Seed.SettlementAsync(merchantId);
        var host = RenderPage<SettlementsPage>();
        host.WaitForElement($"[data-testid=settlement-row-{other.Id}]");

        host.Find("input[data-testid=filter-search]").Input(wanted.TxHash);

        host.WaitForAssertion(() => Assert.Empty(host.FindAll($"[data-testid=settlement-row-{other.Id}]")), TimeSpan.FromSeconds(5));
        Assert.Single(host.FindAll($"[data-testid=settlement-row-{wanted.Id}]"));
        host.WaitForAssertion(() => Assert.Contains($"search={wanted.TxHash}", host.Find("[data-testid=export-csv]").GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewSettlement_Published_AppearsWithoutAReload()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Viewer);
        var host = RenderPage<SettlementsPage>();
        host.WaitForElement("[data-testid=settlements-empty]");

        var settlement = await Seed.SettlementAsync(merchantId);
        Get<P402.Core.Common.MerchantEvents>().Publish(new(merchantId, P402.Core.Common.MerchantEventKind.SettlementChanged, settlement.Id));

        host.WaitForElement($"[data-testid=settlement-row-{settlement.Id}]");
    }

    [Fact]
    public async Task Detail_ShowsEveryFieldOfTheMerchantsSettlement_AndNotAnotherMerchants()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Viewer);
        var settlement = await Seed.SettlementAsync(merchantId, 1_500_000, SettlementStatus.Failed);
        var other = await Get<MerchantService>().CreateAsync("Other", CancellationToken.None);
        var theirs = await Seed.SettlementAsync(other.Id);

        var host = Render<SettlementDetail>(p => p.Add(d => d.Id, settlement.Id));
        var fields = host.WaitForElement("[data-testid=settlement-fields]").TextContent;
        foreach (var expected in new[] { settlement.Id, settlement.Payer, settlement.PayTo, settlement.Nonce, settlement.TxHash!, settlement.RequestId, "SETTLEMENT_FAILED", "12,345" })
        {
            Assert.Contains(expected, fields, StringComparison.Ordinal);
        }
        Assert.Contains("$1.50 USDC", host.Markup, StringComparison.Ordinal);

        var notFound = Render<SettlementDetail>(p => p.Add(d => d.Id, theirs.Id));
        notFound.WaitForElement("[data-testid=settlement-not-found]");
    }
}
