using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using P402.Core.ApiKeys;
using P402.Core.Data;
using P402.Core.Receipts;
using P402.Tests.Dashboard;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

/// <summary>The defects a merchant met on a 390×844 phone and with long names, each at the size where it showed.</summary>
[Collection(DashboardE2ECollection.Name)]
public sealed class SmallScreenE2ETests(DashboardAppFixture app)
{
    public const int PhoneWidth = 390;
    public const int PhoneHeight = 844;

    private PaymentSeed Seed => new(
        app.Services.GetRequiredService<IDbContextFactory<P402DbContext>>(),
        app.Services.GetRequiredService<ReceiptService>(),
        app.Services.GetRequiredService<TimeProvider>());

    [Fact]
    public async Task Receipts_OnAPhone_KeepReusesAndTheWholeRevokeButton()
    {
        var page = await app.NewPageAsync(PhoneWidth, PhoneHeight);
        var email = DashboardAppFixture.NewEmail("phone");
        await DashboardPages.RegisterAsync(page, email);
        var receipt = await Seed.ReceiptAsync(await app.MerchantOfAsync(email), "https://api.example.com/weather/forecast/with/a/rather/long/path?city=amsterdam");

        await DashboardPages.OpenAsync(page, "receipts");
        await DashboardPages.ExpectFullyOnScreenAsync(page.GetByTestId($"reuse-count-{receipt.Id}"));
        var revoke = page.GetByRole(AriaRole.Button, new() { Name = $"Revoke receipt {receipt.Id}" });
        await Expect(revoke).ToHaveTextAsync("Revoke");
        await DashboardPages.ExpectFullyOnScreenAsync(revoke);
        await DashboardPages.ExpectNoSidewaysScrollAsync(page);
        await DashboardPages.ScreenshotAsync(page, "defect-receipts-390");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(PhoneWidth, PhoneHeight)]
    [InlineData(360, 740)]
    public async Task Receipts_OnAPhone_TheShortReceiptIdStaysOnOneLine(int width, int height)
    {
        var page = await app.NewPageAsync(width, height);
        var email = DashboardAppFixture.NewEmail("phone");
        await DashboardPages.RegisterAsync(page, email);
        var receipt = await Seed.ReceiptAsync(await app.MerchantOfAsync(email), "https://api.example.com/weather?city=lisbon");

        await DashboardPages.OpenAsync(page, "receipts");
        var shown = page.GetByTestId($"receipt-row-{receipt.Id}").Locator(".p402-copy-text");
        await Expect(shown).ToHaveTextAsync(receipt.Id[..13] + "…" + receipt.Id[^4..]);
        // One line box for the text: "rcpt_01M8S571…EJ" above "09" reads as two ids (seen at 390 px).
        var lines = await shown.EvaluateAsync<int>("e => { const r = document.createRange(); r.selectNodeContents(e); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }");
        Assert.Equal(1, lines);
        await DashboardPages.ExpectFullyOnScreenAsync(page.GetByTestId($"copy-receipt-{receipt.Id}"));
        await DashboardPages.ExpectFullyOnScreenAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Settlement of receipt {receipt.Id}" }));
        await DashboardPages.ExpectNoSidewaysScrollAsync(page);
        await DashboardPages.ScreenshotAsync(page, $"defect-receipt-id-{width}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ApiKeys_OnAPhone_WithAHundredCharacterName_KeepCreatedStatusAndRevoke()
    {
        var page = await app.NewPageAsync(PhoneWidth, PhoneHeight);
        var email = DashboardAppFixture.NewEmail("phone");
        await DashboardPages.RegisterAsync(page, email);
        var name = string.Concat(Enumerable.Repeat("Production-server-eu-west-1-", 4))[..ApiKeyName.MaxLength];
        var key = (await app.Services.GetRequiredService<ApiKeyService>()
            .CreateAsync(await app.MerchantOfAsync(email), name, ApiKeyScopes.All, ApiKeyMode.Live, "test", CancellationToken.None)).Key;

        await DashboardPages.OpenAsync(page, "api-keys");
        await Expect(page.GetByTestId($"key-name-{key.Id}")).ToHaveTextAsync(name);
        await DashboardPages.ExpectFullyOnScreenAsync(page.GetByTestId($"key-name-{key.Id}"));
        await DashboardPages.ExpectFullyOnScreenAsync(page.Locator("td[data-label=Created]").First);
        await DashboardPages.ExpectFullyOnScreenAsync(page.GetByTestId($"key-state-{key.Id}"));
        await DashboardPages.ExpectFullyOnScreenAsync(page.GetByTestId($"revoke-key-{key.Id}"));
        await DashboardPages.ExpectNoSidewaysScrollAsync(page);
        await DashboardPages.ScreenshotAsync(page, "defect-api-keys-long-name-390");

        // On a wide screen the long name wraps in its column and Revoke stays whole.
        await page.SetViewportSizeAsync(1440, 900);
        await DashboardPages.ExpectFullyOnScreenAsync(page.GetByTestId($"revoke-key-{key.Id}"));
        await DashboardPages.ExpectNoSidewaysScrollAsync(page);
        await DashboardPages.ScreenshotAsync(page, "defect-api-keys-long-name-1440");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SettlementDetail_OnAPhone_PayerStaysOnScreenWithACopyButton()
    {
        var page = await app.NewPageAsync(PhoneWidth, PhoneHeight);
        var email = DashboardAppFixture.NewEmail("phone");
        await DashboardPages.RegisterAsync(page, email);
        var settlement = await Seed.SettlementAsync(await app.MerchantOfAsync(email), 2_500_000);

        await DashboardPages.OpenAsync(page, $"settlements/{settlement.Id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "$2.50 USDC" })).ToBeVisibleAsync();
        await DashboardPages.ExpectFullyOnScreenAsync(page.GetByTestId("copy-payer"));
        await DashboardPages.ExpectNoSidewaysScrollAsync(page);
        // The dev chain has no explorer, and the page says why.
        await Expect(page.GetByTestId("no-explorer")).ToContainTextAsync("local development chain");
        await DashboardPages.ScreenshotAsync(page, "defect-settlement-detail-390");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(PhoneWidth, PhoneHeight)]
    public async Task LongBusinessName_KeepsTheAccountMenuAndLogOutOnScreen(int width, int height)
    {
        var page = await app.NewPageAsync(width, height);
        var business = string.Concat(Enumerable.Repeat("Very Long Business Name ", 9))[..190];
        await DashboardPages.RegisterAsync(page, DashboardAppFixture.NewEmail("long"), business);

        await DashboardPages.ExpectFullyOnScreenAsync(page.GetByTestId("account-menu"));
        if (width >= 600)
        {
            await Expect(page.GetByTestId("merchant-name")).ToHaveAttributeAsync("title", business);
        }
        await DashboardPages.ExpectNoSidewaysScrollAsync(page);
        await DashboardPages.ScreenshotAsync(page, $"defect-long-business-name-{width}");
        await page.GetByTestId("account-menu").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        await DashboardPages.ScreenshotAsync(page, $"defect-account-menu-{width}");
        await DashboardPages.ExpectFullyOnScreenAsync(page.GetByRole(AriaRole.Button, new() { Name = "Log out" }));
        await page.Context.CloseAsync();
    }
}
