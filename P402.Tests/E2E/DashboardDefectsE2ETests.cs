using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using P402.Core.ApiKeys;
using P402.Core.Data;
using P402.Core.Merchants;
using P402.Core.Receipts;
using P402.Tests.Dashboard;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

/// <summary>Settings that crashed, the key dialog, finding things and the smaller defects, in the browser.</summary>
[Collection(DashboardE2ECollection.Name)]
public sealed class DashboardDefectsE2ETests(DashboardAppFixture app)
{
    private PaymentSeed Seed => new(
        app.Services.GetRequiredService<IDbContextFactory<P402DbContext>>(),
        app.Services.GetRequiredService<ReceiptService>(),
        app.Services.GetRequiredService<TimeProvider>());

    [Fact]
    public async Task Settings_GasPriceAboveDecimalRange_ShowsTheLimitAndTheCircuitLivesOn()
    {
        var page = await app.NewPageAsync(1440, 900);
        var email = DashboardAppFixture.NewEmail("owner");
        await DashboardPages.RegisterAsync(page, email);
        await DashboardPages.OpenAsync(page, "settings");
        var gas = page.GetByLabel("Gas price limit (gwei)").First;

        await gas.FillAsync("100000000000000000000"); // 1e20 gwei overflowed decimal and killed the circuit
        await gas.BlurAsync();

        await Expect(page.GetByText("The gas price limit must be above 0 and at most 10,000 gwei.")).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save settings" })).ToBeDisabledAsync();
        await DashboardPages.ScreenshotAsync(page, "defect-settings-overflow-1440");

        // The same circuit still answers: a valid value clears the message and saves.
        await gas.FillAsync("25");
        await gas.BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(page.GetByText("Settings saved.")).ToBeVisibleAsync();
        var saved = await app.Services.GetRequiredService<MerchantService>().GetSettingsAsync(await app.MerchantOfAsync(email), CancellationToken.None);
        Assert.Equal(25_000_000_000, saved.GasPriceLimitWei);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Settings_LettersInANumberField_StayWithAMessageAndNothingIsSaved()
    {
        var page = await app.NewPageAsync(1440, 900);
        await DashboardPages.RegisterAsync(page, DashboardAppFixture.NewEmail("owner"));
        await DashboardPages.OpenAsync(page, "settings");
        var maxGas = page.GetByLabel("Max gas per settlement").First;

        await maxGas.FillAsync("12k");
        await maxGas.BlurAsync();

        await Expect(page.GetByText("Enter the gas per settlement as a whole number, e.g. 150000.")).ToBeVisibleAsync();
        await Expect(maxGas).ToHaveValueAsync("12k");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save settings" })).ToBeDisabledAsync();
        await Expect(page.GetByText("Settings saved.")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task KeyDialog_OpensCalm_AndRefusesANameOverTheLimitWithoutCuttingIt()
    {
        var page = await app.NewPageAsync(1440, 900);
        var email = DashboardAppFixture.NewEmail("dev");
        await DashboardPages.RegisterAsync(page, email);
        await DashboardPages.OpenAsync(page, "api-keys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Key name").First).ToBeVisibleAsync();
        await Expect(dialog.Locator(".mud-input-error")).ToHaveCountAsync(0);
        // Focus passing through the empty field (Tab) is not a mistake either.
        await dialog.GetByLabel("Key name").First.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(dialog.GetByText("Give the key a name.")).ToHaveCountAsync(0);
        await Expect(dialog.Locator(".mud-input-error")).ToHaveCountAsync(0);
        await Expect(dialog.GetByTestId("key-mode-help")).ToContainTextAsync("p402_test_");
        await DashboardPages.ScreenshotAsync(page, "defect-key-dialog-open-1440");

        var tooLong = new string('k', ApiKeyName.MaxLength + 1);
        await dialog.GetByLabel("Key name").First.FillAsync(tooLong);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();

        await Expect(dialog.GetByText("The name is 101 characters long; a key name can have at most 100.")).ToBeVisibleAsync();
        await Expect(dialog.GetByLabel("Key name").First).ToHaveValueAsync(tooLong);
        await Expect(page.GetByTestId("new-key-secret")).ToHaveCountAsync(0);
        Assert.Empty(await app.Services.GetRequiredService<ApiKeyService>().ListAsync(await app.MerchantOfAsync(email), CancellationToken.None));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Receipts_PartOfTheResourceUrl_FindsThem_AndTheFilterIsInTheUrl()
    {
        var page = await app.NewPageAsync(1440, 900);
        var email = DashboardAppFixture.NewEmail("owner");
        await DashboardPages.RegisterAsync(page, email);
        var merchantId = await app.MerchantOfAsync(email);
        var weather = await Seed.ReceiptAsync(merchantId, "https://api.example.com/weather?city=lisbon");
        var news = await Seed.ReceiptAsync(merchantId, "https://api.example.com/news");

        await DashboardPages.OpenAsync(page, "receipts");
        await page.GetByLabel("Resource filter").FillAsync("/Weather");

        await Expect(page.GetByTestId($"receipt-row-{news.Id}")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId($"receipt-row-{weather.Id}")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("receipts\\?resource=%2FWeather$"));

        await page.GoBackAsync();
        await Expect(page.GetByTestId($"receipt-row-{news.Id}")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Resource filter")).ToHaveValueAsync("");
        await page.GoForwardAsync();
        await Expect(page.GetByTestId($"receipt-row-{news.Id}")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Resource filter")).ToHaveValueAsync("/Weather");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Settlements_ShortHashSearch_CopyButton_BookmarkAndBadPayer()
    {
        var page = await app.NewPageAsync(1440, 900);
        await DashboardPages.RememberCopiesAsync(page);
        var email = DashboardAppFixture.NewEmail("owner");
        await DashboardPages.RegisterAsync(page, email);
        var merchantId = await app.MerchantOfAsync(email);
        var wanted = await Seed.SettlementAsync(merchantId, 20_000);
        var other = await Seed.SettlementAsync(merchantId, 30_000);

        await DashboardPages.OpenAsync(page, "settlements");
        await page.GetByTestId($"copy-tx-{wanted.Id}").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("settlements$")); // copying does not open the row
        Assert.Equal(wanted.TxHash, await DashboardPages.CopiedTextAsync(page));

        await page.GetByLabel("Search by tx hash or request id").FillAsync(wanted.TxHash![..10]);
        await Expect(page.GetByTestId($"settlement-row-{other.Id}")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId($"settlement-row-{wanted.Id}")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"settlements\\?search={wanted.TxHash[..10]}$"));

        // The URL is a bookmark: opened afresh, it shows the same filter and rows.
        var bookmark = page.Url;
        var fresh = await page.Context.NewPageAsync();
        await DashboardPages.OpenAsync(fresh, bookmark);
        await Expect(fresh.GetByLabel("Search by tx hash or request id")).ToHaveValueAsync(wanted.TxHash[..10]);
        await Expect(fresh.GetByTestId($"settlement-row-{wanted.Id}")).ToBeVisibleAsync();
        await Expect(fresh.GetByTestId($"settlement-row-{other.Id}")).ToHaveCountAsync(0);

        await page.GetByLabel("Search by tx hash or request id").FillAsync("");
        await page.GetByLabel("Payer filter").FillAsync("0x1234…abcd");
        await Expect(page.GetByTestId("settlements-filter-invalid")).ToContainTextAsync("A payer is a whole address: 0x followed by 40 hexadecimal digits");
        await Expect(page.GetByTestId("settlements-empty")).ToHaveCountAsync(0);
        await DashboardPages.ScreenshotAsync(page, "defect-settlements-bad-payer-1440");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnknownUrl_Answers404WithAPageInsideTheLayout()
    {
        var page = await app.NewPageAsync(1440, 900);
        await DashboardPages.RegisterAsync(page, DashboardAppFixture.NewEmail("owner"));

        var response = await page.GotoAsync("no-such-page/at-all");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("There is nothing at this address");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Settlements" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Register_TakenEmail_SaysSoOnceInPlainWords()
    {
        var email = DashboardAppFixture.NewEmail("taken");
        var first = await app.NewPageAsync();
        await DashboardPages.RegisterAsync(first, email);
        await first.Context.CloseAsync();

        var page = await app.NewPageAsync();
        await page.GotoAsync("Account/Register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByText("Enter the name of your business.")).ToHaveCountAsync(1);
        await Expect(page.GetByText("Choose a password.")).ToHaveCountAsync(1);

        await page.GetByLabel("Business name", new() { Exact = true }).FillAsync("Acme again");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DashboardAppFixture.Password);
        await page.GetByLabel("Confirm password", new() { Exact = true }).FillAsync(DashboardAppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.GetByText("An account with this email already exists.")).ToHaveCountAsync(1);
        await Expect(page.GetByText("is already taken")).ToHaveCountAsync(0);
        await DashboardPages.ScreenshotAsync(page, "defect-register-taken-email");
        await page.Context.CloseAsync();
    }
}
