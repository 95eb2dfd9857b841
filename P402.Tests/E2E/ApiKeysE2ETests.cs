using Microsoft.Playwright;
using P402.Core.Merchants;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

[Collection(DashboardE2ECollection.Name)]
public sealed class ApiKeysE2ETests(DashboardAppFixture app)
{
    [Fact]
    public async Task CreateKey_ShowsTheSecretOnce_AndItIsGoneAfterClosing()
    {
        var page = await app.NewPageAsync();
        await DashboardPages.RegisterAsync(page, DashboardAppFixture.NewEmail("dev"));
        await DashboardPages.OpenAsync(page, "api-keys");
        await Expect(page.GetByTestId("keys-empty")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Key name").First.FillAsync("Production server");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();

        var secret = page.GetByTestId("new-key-secret");
        await Expect(secret).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^p402_live_"));
        await Expect(page.GetByTestId("secret-warning")).ToContainTextAsync("won't be shown again");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy API key" })).ToBeVisibleAsync();
        var secretText = await secret.TextContentAsync();
        await DashboardPages.ScreenshotAsync(page, "api-key-created");

        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0); // the dialog names the key too
        await Expect(page.GetByText("Production server")).ToBeVisibleAsync();
        Assert.DoesNotContain(secretText!, await page.ContentAsync(), StringComparison.Ordinal);

        await page.ReloadAsync();
        await DashboardPages.WaitForAppAsync(page);
        await Expect(page.GetByText("Production server")).ToBeVisibleAsync();
        Assert.DoesNotContain(secretText!, await page.ContentAsync(), StringComparison.Ordinal);
        await DashboardPages.ScreenshotAsync(page, "api-keys");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RevokeKey_AfterConfirmation_ShowsItRevoked()
    {
        var page = await app.NewPageAsync();
        await DashboardPages.RegisterAsync(page, DashboardAppFixture.NewEmail("dev"));
        await DashboardPages.OpenAsync(page, "api-keys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Key name").First.FillAsync("Old key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0); // the dialog names the key too

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke key Old key" }).ClickAsync();
        await Expect(page.GetByTestId("confirm-message")).ToContainTextAsync("cannot be undone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke key", Exact = true }).ClickAsync();

        await Expect(page.GetByText("Revoked", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Revoke key Old key" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Viewer_SeesKeysButNoCreateOrRevokeControl()
    {
        var owner = await app.NewPageAsync();
        var ownerEmail = DashboardAppFixture.NewEmail("owner");
        await DashboardPages.RegisterAsync(owner, ownerEmail);
        await DashboardPages.OpenAsync(owner, "api-keys");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await owner.GetByRole(AriaRole.Dialog).GetByLabel("Key name").First.FillAsync("Shared key");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0); // the dialog names the key too

        var viewer = await app.LogInColleagueAsync(ownerEmail, MerchantRole.Viewer);
        await DashboardPages.OpenAsync(viewer, "api-keys");

        await Expect(viewer.GetByText("Shared key")).ToBeVisibleAsync();
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Create key" })).ToHaveCountAsync(0);
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Revoke key Shared key" })).ToHaveCountAsync(0);
        await owner.Context.CloseAsync();
        await viewer.Context.CloseAsync();
    }

    [Fact]
    public async Task TwoMerchants_NeverSeeEachOthersKeys()
    {
        var first = await app.NewPageAsync();
        await DashboardPages.RegisterAsync(first, DashboardAppFixture.NewEmail("first"), "First Co");
        await DashboardPages.OpenAsync(first, "api-keys");
        await first.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await first.GetByRole(AriaRole.Dialog).GetByLabel("Key name").First.FillAsync("First's secret key");
        await first.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(first.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0); // the dialog names the key too
        await Expect(first.GetByText("First's secret key")).ToBeVisibleAsync();

        var second = await app.NewPageAsync();
        await DashboardPages.RegisterAsync(second, DashboardAppFixture.NewEmail("second"), "Second Co");
        await DashboardPages.OpenAsync(second, "api-keys");

        await Expect(second.GetByTestId("keys-empty")).ToBeVisibleAsync();
        await Expect(second.GetByText("First's secret key")).ToHaveCountAsync(0);
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }
}
