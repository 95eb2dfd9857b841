using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using P402.Core.Data;
using P402.Core.Payments;
using P402.Core.Receipts;
using P402.Tests.Dashboard;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

[Collection(DashboardE2ECollection.Name)]
public sealed class SettlementAttemptsE2ETests(DashboardAppFixture app)
{
    private PaymentSeed Seed => new(
        app.Services.GetRequiredService<IDbContextFactory<P402DbContext>>(),
        app.Services.GetRequiredService<ReceiptService>(),
        app.Services.GetRequiredService<TimeProvider>());

    [Fact]
    public async Task SettlementDetail_ReplacedSettlement_ListsBothAttemptsWithFeesGasOutcomeAndCopyableHashes()
    {
        var page = await app.NewPageAsync(1440, 900);
        await DashboardPages.RememberCopiesAsync(page);
        var email = DashboardAppFixture.NewEmail("owner");
        await DashboardPages.RegisterAsync(page, email);
        var merchantId = await app.MerchantOfAsync(email);
        var settlement = await Seed.ReplacedSettlementAsync(merchantId, app.Services.GetRequiredService<SettlementStore>());
        var attempts = await app.Services.GetRequiredService<SettlementStore>().ListAttemptsAsync(settlement.Id, CancellationToken.None);

        await DashboardPages.OpenAsync(page, $"settlements/{settlement.Id}");

        var card = page.GetByTestId("settlement-attempts");
        await Expect(card.GetByRole(AriaRole.Heading, new() { Name = "Transaction attempts" })).ToBeVisibleAsync();
        var first = page.GetByTestId("attempt-row-1");
        var second = page.GetByTestId("attempt-row-2");
        await Expect(page.GetByTestId("attempt-outcome-1")).ToHaveTextAsync("Replaced");
        await Expect(page.GetByTestId("attempt-outcome-2")).ToHaveTextAsync("Mined");
        await Expect(page.GetByTestId("attempt-max-fee-1")).ToHaveTextAsync("1.5 gwei");
        await Expect(page.GetByTestId("attempt-max-fee-2")).ToHaveTextAsync("30 gwei");
        await Expect(second).ToContainTextAsync("61,234");
        await Expect(second).ToContainTextAsync("14 gwei");
        await Expect(first).ToContainTextAsync("—"); // never mined: no gas
        await Expect(page.GetByTestId("attempt-note-1")).ToContainTextAsync(attempts[1].TxHash);
        await Expect(first.GetByTitle(attempts[0].TxHash)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("copy-attempt-2")).ToHaveAccessibleNameAsync("Copy attempt 2 transaction hash");
        await page.GetByTestId("copy-attempt-2").ClickAsync();
        Assert.Equal(attempts[1].TxHash, await DashboardPages.CopiedTextAsync(page));
        // The settlement points at the mined attempt.
        await Expect(page.GetByTestId("settlement-fields")).ToContainTextAsync(attempts[1].TxHash);
        await DashboardPages.ScreenshotAsync(page, "settlement-attempts");
        await page.Context.CloseAsync();
    }
}
