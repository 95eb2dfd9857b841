using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

[Collection(DashboardE2ECollection.Name)]
public sealed class TwoFactorE2ETests(DashboardAppFixture app)
{
    [Fact]
    public async Task EnableAuthenticator_ThenLogIn_AsksForTheCodeAndAcceptsIt()
    {
        var page = await app.NewPageAsync();
        var email = DashboardAppFixture.NewEmail("2fa");
        await DashboardPages.RegisterAsync(page, email);

        await page.GotoAsync("Account/Manage/TwoFactorAuthentication");
        await DashboardPages.ScreenshotAsync(page, "account-2fa");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add authenticator app" }).ClickAsync();
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR code that adds your P402 account to an authenticator app" });
        await Expect(qr).ToBeVisibleAsync();
        // A real image (decoded by the browser), not a placeholder: a QR code of an otpauth URI is at least 25 modules wide.
        Assert.True(await qr.EvaluateAsync<int>("img => img.naturalWidth") >= 25 * 6);
        await DashboardPages.ScreenshotAsync(page, "account-authenticator-qr");
        var key = await page.Locator("kbd").First.TextContentAsync();
        await page.GetByLabel("Verification code").FillAsync(Totp.Code(key!, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(page.GetByText("Your authenticator app has been verified.")).ToBeVisibleAsync();
        await Expect(page.Locator(".recovery-codes code")).ToHaveCountAsync(10);
        var codes = await page.Locator(".recovery-codes code").AllTextContentsAsync();

        await DashboardPages.RememberCopiesAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy recovery codes" }).ClickAsync();
        await Expect(page.GetByText("Copied to the clipboard.")).ToBeVisibleAsync();
        Assert.Equal(string.Join("\n", codes), await DashboardPages.CopiedTextAsync(page));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download recovery codes" }).ClickAsync());
        Assert.Equal("p402-recovery-codes.txt", download.SuggestedFilename);
        var file = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.All(codes, code => Assert.Contains(code, file, StringComparison.Ordinal));
        await DashboardPages.ScreenshotAsync(page, "account-recovery-codes");

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DashboardAppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor authentication" })).ToBeVisibleAsync();
        await page.GetByLabel("Authenticator code").FillAsync(Totp.Code(key!, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        await DashboardPages.WaitForAppAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ChangePassword_WithTheCurrentOne_LetsTheNewOneLogIn()
    {
        var page = await app.NewPageAsync();
        var email = DashboardAppFixture.NewEmail("pw");
        await DashboardPages.RegisterAsync(page, email);

        await page.GotoAsync("Account/Manage/ChangePassword");
        await page.GetByLabel("Current password").FillAsync(DashboardAppFixture.Password);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Another-Secret-77");
        await page.GetByLabel("Confirm new password").FillAsync("Another-Secret-77");
        await page.GetByRole(AriaRole.Button, new() { Name = "Update password" }).ClickAsync();
        await Expect(page.GetByText("Your password has been changed")).ToBeVisibleAsync();
        await DashboardPages.ScreenshotAsync(page, "account-password");

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Another-Secret-77");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await DashboardPages.WaitForAppAsync(page);
        await page.Context.CloseAsync();
    }
}
