using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using P402.Core.Data;
using P402.Core.Merchants;
using P402.Core.Payments;
using P402.Core.Receipts;
using P402.Tests.Dashboard;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

[Collection(DashboardE2ECollection.Name)]
public sealed class PaymentsE2ETests(DashboardAppFixture app)
{
    private PaymentSeed Seed => new(
        app.Services.GetRequiredService<IDbContextFactory<P402DbContext>>(),
        app.Services.GetRequiredService<ReceiptService>(),
        app.Services.GetRequiredService<TimeProvider>());

    [Fact]
    public async Task Settlements_ListAndDetail_ShowTheMerchantsPayments()
    {
        var page = await app.NewPageAsync();
        var email = DashboardAppFixture.NewEmail("owner");
        await DashboardPages.RegisterAsync(page, email);
        var merchantId = await app.MerchantOfAsync(email);
        var confirmed = await Seed.SettlementAsync(merchantId, 2_500_000);
        var failed = await Seed.SettlementAsync(merchantId, 10_000, SettlementStatus.Failed);

        await DashboardPages.OpenAsync(page, "settlements");
        await Expect(page.GetByTestId($"settlement-row-{confirmed.Id}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"settlement-status-{failed.Id}")).ToHaveTextAsync("Failed");
        await DashboardPages.ScreenshotAsync(page, "settlements");

        await page.GetByTestId($"settlement-row-{confirmed.Id}").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"settlements/{confirmed.Id}$"));
        await Expect(page.GetByTestId("settlement-fields")).ToContainTextAsync(confirmed.TxHash!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "$2.50 USDC" })).ToBeVisibleAsync();
        // The dev chain has no block explorer.
        await Expect(page.GetByTestId("explorer-link")).ToHaveCountAsync(0);
        await DashboardPages.ScreenshotAsync(page, "settlement-detail");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ExportCsv_ReturnsTheFilteredSetOfThisMerchantOnly()
    {
        var page = await app.NewPageAsync();
        var email = DashboardAppFixture.NewEmail("owner");
        await DashboardPages.RegisterAsync(page, email);
        var merchantId = await app.MerchantOfAsync(email);
        var failed = await Seed.SettlementAsync(merchantId, 10_000, SettlementStatus.Failed);
        var confirmed = await Seed.SettlementAsync(merchantId, 20_000);
        var other = await app.Services.GetRequiredService<MerchantService>().CreateAsync("Other", CancellationToken.None);
        var theirs = await Seed.SettlementAsync(other.Id, 30_000, SettlementStatus.Failed);

        var response = await page.Context.APIRequest.GetAsync("dashboard/settlements.csv?status=Failed");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/csv", response.Headers["content-type"], StringComparison.Ordinal);
        var lines = (await response.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,status,createdAt", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines.Skip(1));
        Assert.StartsWith($"{failed.Id},Failed,", row, StringComparison.Ordinal);
        Assert.DoesNotContain(confirmed.Id, string.Join('\n', lines), StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Id, string.Join('\n', lines), StringComparison.Ordinal);

        var anonymous = await app.NewPageAsync();
        var refused = await anonymous.Context.APIRequest.GetAsync("dashboard/settlements.csv", new() { MaxRedirects = 0 });
        Assert.Equal(302, refused.Status);
        Assert.Contains("/Account/Login", refused.Headers["location"], StringComparison.Ordinal);
        await page.Context.CloseAsync();
        await anonymous.Context.CloseAsync();
    }

    [Fact]
    public async Task Receipts_ReuseCountsArriveLive_AndRevokeTakesEffect()
    {
        var page = await app.NewPageAsync();
        var email = DashboardAppFixture.NewEmail("owner");
        await DashboardPages.RegisterAsync(page, email);
        var merchantId = await app.MerchantOfAsync(email);
        var receipt = await Seed.ReceiptAsync(merchantId, "https://api.example.com/forecast");
        var verifier = app.Services.GetRequiredService<ReceiptVerifier>();

        await DashboardPages.OpenAsync(page, "receipts");
        await Expect(page.GetByTestId($"reuse-count-{receipt.Id}")).ToHaveTextAsync("0");
        await verifier.VerifyAsync(merchantId, receipt.Id, receipt.Resource, CancellationToken.None);
        await verifier.VerifyAsync(merchantId, receipt.Id, receipt.Resource, CancellationToken.None);
        await Expect(page.GetByTestId($"reuse-count-{receipt.Id}")).ToHaveTextAsync("2");
        await DashboardPages.ScreenshotAsync(page, "receipts");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke receipt {receipt.Id}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke receipt", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId($"receipt-state-{receipt.Id}")).ToHaveTextAsync("Revoked");

        var answer = await verifier.VerifyAsync(merchantId, receipt.Id, receipt.Resource, CancellationToken.None);
        Assert.False(answer.Valid);
        Assert.Equal(ReceiptCode.ReceiptRevoked, answer.Code);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Receipts_Viewer_HasNoRevokeControl()
    {
        var owner = await app.NewPageAsync();
        var ownerEmail = DashboardAppFixture.NewEmail("owner");
        await DashboardPages.RegisterAsync(owner, ownerEmail);
        var merchantId = await app.MerchantOfAsync(ownerEmail);
        var receipt = await Seed.ReceiptAsync(merchantId);

        var viewer = await app.LogInColleagueAsync(ownerEmail, MerchantRole.Viewer);
        await DashboardPages.OpenAsync(viewer, "receipts");

        await Expect(viewer.GetByTestId($"receipt-row-{receipt.Id}")).ToBeVisibleAsync();
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = $"Revoke receipt {receipt.Id}" })).ToHaveCountAsync(0);
        await owner.Context.CloseAsync();
        await viewer.Context.CloseAsync();
    }

    [Fact]
    public async Task Overview_WithPayments_ShowsTotalsAndTheChart_InBothThemesAndOnAPhone()
    {
        var page = await app.NewPageAsync();
        var email = DashboardAppFixture.NewEmail("owner");
        await DashboardPages.RegisterAsync(page, email);
        var merchantId = await app.MerchantOfAsync(email);
        await Seed.SettlementAsync(merchantId, 1_250_000);
        await Seed.SettlementAsync(merchantId, 750_000, createdAt: DateTime.UtcNow.AddDays(-2));
        await Seed.ReceiptAsync(merchantId);

        await DashboardPages.OpenAsync(page, "");
        await Expect(page.GetByTestId("stat-volume-value")).ToHaveTextAsync("$2.01");
        await Expect(page.GetByTestId("stat-settlements-value")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("stat-receipts-value")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("activity-chart").Locator("svg").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dev-chain")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("facilitator-balance")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[\d,.]+ ETH$"));
        await Expect(page.GetByTestId("gas-limit")).ToHaveTextAsync("50 gwei");
        await Expect(page.GetByTestId("gas-above-limit")).ToHaveCountAsync(0);
        await DashboardPages.ScreenshotAsync(page, "overview-data");

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark mode" }).ClickAsync();
        await Expect(page.Locator("html.p402-dark")).ToBeAttachedAsync();
        await DashboardPages.ScreenshotAsync(page, "overview-dark");
        await page.ReloadAsync();
        await DashboardPages.WaitForAppAsync(page);
        await Expect(page.Locator("html.p402-dark")).ToBeAttachedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark mode" }).ClickAsync();
        await Expect(page.Locator("html.p402-dark")).ToHaveCountAsync(0);

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await DashboardPages.WaitForAppAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Settlements" })).Not.ToBeInViewportAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Settlements" })).ToBeInViewportAsync();
        await DashboardPages.ScreenshotAsync(page, "overview-phone-nav");
        await page.Context.CloseAsync();
    }
}
