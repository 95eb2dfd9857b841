using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using P402.Core.Merchants;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

[Collection(DashboardE2ECollection.Name)]
public sealed class SettingsE2ETests(DashboardAppFixture app)
{
    [Fact]
    public async Task Settings_InvalidThenValid_ShowsTheRuleThenSaves()
    {
        var page = await app.NewPageAsync();
        var email = DashboardAppFixture.NewEmail("owner");
        await DashboardPages.RegisterAsync(page, email);
        await DashboardPages.OpenAsync(page, "settings");
        var gas = page.GetByLabel("Gas price limit (gwei)").First;
        await Expect(gas).ToHaveValueAsync("50");

        var maxGas = page.GetByLabel("Max gas per settlement").First;
        await maxGas.FillAsync("1000");
        await maxGas.BlurAsync();
        await Expect(page.GetByText("Gas per settlement must be between 60,000 and 1,000,000.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save settings" })).ToBeDisabledAsync();
        await DashboardPages.ScreenshotAsync(page, "settings-invalid");

        await maxGas.FillAsync("90000");
        await maxGas.BlurAsync();
        await gas.FillAsync("25");
        await gas.BlurAsync();
        await Expect(page.GetByText("Gas per settlement must be between")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(page.GetByText("Settings saved.")).ToBeVisibleAsync();

        var settings = await app.Services.GetRequiredService<MerchantService>().GetSettingsAsync(await app.MerchantOfAsync(email), CancellationToken.None);
        Assert.Equal(25_000_000_000, settings.GasPriceLimitWei);
        Assert.Equal(90_000, settings.MaxGasPerSettlement);

        await page.ReloadAsync();
        await DashboardPages.WaitForAppAsync(page);
        await Expect(page.GetByLabel("Gas price limit (gwei)").First).ToHaveValueAsync("25");
        await DashboardPages.ScreenshotAsync(page, "settings");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Settings_Viewer_SeesThemReadOnlyWithoutSave()
    {
        var owner = await app.NewPageAsync();
        var ownerEmail = DashboardAppFixture.NewEmail("owner");
        await DashboardPages.RegisterAsync(owner, ownerEmail);

        var viewer = await app.LogInColleagueAsync(ownerEmail, MerchantRole.Viewer);
        await DashboardPages.OpenAsync(viewer, "settings");

        await Expect(viewer.GetByTestId("settings-readonly")).ToBeVisibleAsync();
        await Expect(viewer.GetByLabel("Gas price limit (gwei)").First).ToHaveAttributeAsync("readonly", "");
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Save settings" })).ToHaveCountAsync(0);
        await owner.Context.CloseAsync();
        await viewer.Context.CloseAsync();
    }
}
