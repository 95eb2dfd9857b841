using Bunit;
using P402.Core.Merchants;
using P402.Core.Receipts;
using ReceiptsPage = P402.Dashboard.Components.Pages.Receipts.Receipts;

namespace P402.Tests.Dashboard;

public sealed class ReceiptsPageTests : DashboardTestContext
{
    [Fact]
    public async Task Grid_NoReceipts_ShowsTheEmptyState()
    {
        await SignInNewMerchantAsync(MerchantRole.Owner);

        var host = RenderPage<ReceiptsPage>();

        host.WaitForElement("[data-testid=receipts-empty]");
    }

    [Fact]
    public async Task Grid_WithReceipts_ShowsIdResourceReusesAndState()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Owner);
        var receipt = await Seed.ReceiptAsync(merchantId, "https://API.example.com:443/report/");
        await Get<ReceiptVerifier>().VerifyAsync(merchantId, receipt.Id, receipt.Resource, CancellationToken.None);

        var host = RenderPage<ReceiptsPage>();

        host.WaitForElement($"[data-testid=receipt-row-{receipt.Id}]");
        Assert.Equal("1", host.Find($"[data-testid=reuse-count-{receipt.Id}]").TextContent.Trim());
        Assert.Equal("Active", host.Find($"[data-testid=receipt-state-{receipt.Id}]").TextContent.Trim());
        Assert.Contains("https://api.example.com/report", host.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_Confirmed_RevokesAsTheUserAndShowsTheNewState()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Developer);
        var receipt = await Seed.ReceiptAsync(merchantId);
        var host = RenderPage<ReceiptsPage>();

        host.WaitForElement($"button[data-testid=revoke-receipt-{receipt.Id}]").Click();
        host.WaitForElement("button[data-testid=confirm-button]").Click();

        host.WaitForAssertion(() => Assert.Equal("Revoked", host.Find($"[data-testid=receipt-state-{receipt.Id}]").TextContent.Trim()));
        var stored = await Get<ReceiptService>().GetAsync(merchantId, receipt.Id, CancellationToken.None);
        Assert.Equal(ReceiptState.Revoked, stored!.State);
        Assert.Equal("user:user-1", stored.RevokedBy);
        Assert.Empty(host.FindAll($"[data-testid=revoke-receipt-{receipt.Id}]"));
    }

    [Fact]
    public async Task Revoke_Cancelled_LeavesTheReceiptActive()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Owner);
        var receipt = await Seed.ReceiptAsync(merchantId);
        var host = RenderPage<ReceiptsPage>();

        host.WaitForElement($"button[data-testid=revoke-receipt-{receipt.Id}]").Click();
        host.WaitForElement("[data-testid=confirm-message]");
        host.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[data-testid=confirm-message]")));
        Assert.Equal(ReceiptState.Active, (await Get<ReceiptService>().GetAsync(merchantId, receipt.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Viewer_SeesNoRevokeControl_AndTheServerRefusesARevokeAnyway()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Viewer);
        var receipt = await Seed.ReceiptAsync(merchantId);
        var host = RenderPage<ReceiptsPage>();
        host.WaitForElement($"[data-testid=receipt-row-{receipt.Id}]");
        Assert.Empty(host.FindAll($"[data-testid=revoke-receipt-{receipt.Id}]"));

        var page = host.FindComponent<ReceiptsPage>();
        var revoke = page.InvokeAsync(() => page.Instance.RevokeAsync(receipt));
        host.WaitForElement("button[data-testid=confirm-button]").Click();
        await revoke;

        host.WaitForAssertion(() => Assert.Contains("Only owners and developers can revoke receipts.", host.Markup, StringComparison.Ordinal));
        Assert.Equal(ReceiptState.Active, (await Get<ReceiptService>().GetAsync(merchantId, receipt.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Reuse_ByAVerify_UpdatesTheCountLive()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Viewer);
        var receipt = await Seed.ReceiptAsync(merchantId);
        var host = RenderPage<ReceiptsPage>();
        host.WaitForAssertion(() => Assert.Equal("0", host.Find($"[data-testid=reuse-count-{receipt.Id}]").TextContent.Trim()));

        for (var i = 0; i < 3; i++)
        {
            await Get<ReceiptVerifier>().VerifyAsync(merchantId, receipt.Id, receipt.Resource, CancellationToken.None);
        }

        host.WaitForAssertion(() => Assert.Equal("3", host.Find($"[data-testid=reuse-count-{receipt.Id}]").TextContent.Trim()));
    }
}
