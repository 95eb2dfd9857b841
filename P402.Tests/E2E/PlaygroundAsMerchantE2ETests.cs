using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

/// <summary>The Playground charges as the signed-in merchant: what it pays shows up in that merchant's own pages.</summary>
[Collection(DashboardE2ECollection.Name)]
public sealed class PlaygroundAsMerchantE2ETests(DashboardAppFixture app)
{
    [Fact]
    public async Task PlaygroundPayment_AppearsInTheMerchantsOwnSettlementsReceiptsAndPaymentLog()
    {
        var page = await app.NewPageAsync(1400, 1000);
        await DashboardPages.RegisterAsync(page, DashboardAppFixture.NewEmail("tryout"));
        await DashboardPages.OpenAsync(page, "playground");
        await Expect(page.GetByTestId("docs-link")).ToHaveAttributeAsync("href", "/docs/merchant-quickstart.md");
        await page.GetByLabel("City").FillAsync("Lyon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        var transaction = page.GetByTestId("step-settled").GetByTestId("field-transaction");
        await Expect(transaction).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^0x[0-9a-f]{64}$"), new() { Timeout = 60_000 });
        var receiptId = (await page.GetByTestId("receipt-id").TextContentAsync())!.Trim();

        await page.GetByRole(AriaRole.Link, new() { Name = "Settlements" }).First.ClickAsync();
        var rows = page.GetByTestId("settlements-grid").Locator("tbody tr").Filter(new() { HasText = "/demo/playground/weather?city=Lyon" });
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("Confirmed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Receipts" }).First.ClickAsync();
        await Expect(page.GetByTestId($"receipt-row-{receiptId}")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Payment log" }).First.ClickAsync();
        await page.GetByLabel("Resource filter").FillAsync("playground/weather?city=Lyon");
        await Expect(page.GetByTestId("payments-grid").Locator("tbody tr").Filter(new() { HasText = "Valid" })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("payments-grid").Locator("tbody tr").Filter(new() { HasText = "Settled" })).ToHaveCountAsync(1);

        using var docs = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Contains("P402", await docs.GetStringAsync("docs/merchant-quickstart.md"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
