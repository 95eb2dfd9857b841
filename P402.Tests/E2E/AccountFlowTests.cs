using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

[Collection(DashboardE2ECollection.Name)]
public sealed class AccountFlowTests(DashboardAppFixture app)
{
    [Theory]
    [InlineData("")]
    [InlineData("api-keys")]
    [InlineData("settings")]
    public async Task AppPage_Anonymous_RedirectsToLogin(string path)
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync(path);

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        await DashboardPages.ScreenshotAsync(page, "login");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Register_NewMerchant_LandsOnTheOverviewAsOwner()
    {
        var page = await app.NewPageAsync();
        var email = DashboardAppFixture.NewEmail("owner");

        await page.GotoAsync("Account/Register");
        await DashboardPages.ScreenshotAsync(page, "register");
        await DashboardPages.RegisterAsync(page, email, "Northwind Data");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("merchant-name")).ToHaveTextAsync("Northwind Data");
        await Expect(page.GetByTestId("stat-volume-value")).ToHaveTextAsync("$0.00");
        await page.GetByTestId("account-menu").ClickAsync();
        await Expect(page.GetByTestId("user-role")).ToHaveTextAsync("Owner");
        await page.Keyboard.PressAsync("Escape");
        await DashboardPages.ScreenshotAsync(page, "overview");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LogOut_ThenIn_ReturnsToTheDashboard()
    {
        var page = await app.NewPageAsync();
        var email = DashboardAppFixture.NewEmail("owner");
        await DashboardPages.RegisterAsync(page, email);

        await page.GetByTestId("account-menu").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        await DashboardPages.LogInAsync(page, email);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LogIn_WrongPassword_ShowsAnErrorAndStaysOut()
    {
        var page = await app.NewPageAsync();
        var email = DashboardAppFixture.NewEmail("owner");
        await DashboardPages.RegisterAsync(page, email);
        await page.Context.ClearCookiesAsync();

        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Invalid email or password" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
