using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using P402.Core.Merchants;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

/// <summary>
/// Account mail on a machine with no mail server: in Development it lands in the dashboard's own mailbox
/// (<c>/dev/mailbox</c>), and its links work end to end.
/// </summary>
[Collection(DashboardE2ECollection.Name)]
public sealed class MailboxE2ETests(DashboardAppFixture app)
{
    private const string NewPassword = "Another-Horse-77";

    [Fact]
    public async Task ForgotPassword_MailInTheDevMailbox_LinkSetsANewPasswordThatSignsIn()
    {
        var email = DashboardAppFixture.NewEmail("forgot");
        var registering = await app.NewPageAsync();
        await DashboardPages.RegisterAsync(registering, email);
        await registering.Context.CloseAsync();

        var page = await app.NewPageAsync();
        await page.GotoAsync("Account/ForgotPassword");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset password" }).ClickAsync();
        await Expect(page.GetByText("Please check your email to reset your password.")).ToBeVisibleAsync();

        var mail = await OpenMailAsync(page, email, "Reset your P402 password");
        await DashboardPages.ScreenshotAsync(page, "dev-mailbox");
        await mail.GetByRole(AriaRole.Link, new() { Name = "Set a new password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reset password" })).ToBeVisibleAsync();
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Confirm password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reset password confirmation" })).ToBeVisibleAsync();

        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await DashboardPages.WaitForAppAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Register_ConfirmationMailInTheDevMailbox_LinkConfirmsTheAddress()
    {
        var email = DashboardAppFixture.NewEmail("confirm");
        var page = await app.NewPageAsync();
        await DashboardPages.RegisterAsync(page, email);
        Assert.False(await IsConfirmedAsync(email));

        var mail = await OpenMailAsync(page, email, "Confirm your email for P402");
        await mail.GetByRole(AriaRole.Link, new() { Name = "Confirm your email" }).ClickAsync();

        await Expect(page.GetByText("Thank you for confirming your email.")).ToBeVisibleAsync();
        Assert.True(await IsConfirmedAsync(email));
        await page.Context.CloseAsync();
    }

    /// <summary>Opens the mailbox (anonymous: it is where a forgotten password's mail goes) and finds the mail to <paramref name="email"/>.</summary>
    private static async Task<ILocator> OpenMailAsync(IPage page, string email, string subject)
    {
        await page.GotoAsync("dev/mailbox");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Development mailbox", Level = 1 })).ToBeVisibleAsync();
        var mail = page.GetByTestId("mail").Filter(new() { HasText = email }).Filter(new() { HasText = subject });
        await Expect(mail).ToHaveCountAsync(1);
        return mail;
    }

    private async Task<bool> IsConfirmedAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<P402User>>();
        return await users.IsEmailConfirmedAsync((await users.FindByEmailAsync(email))!);
    }
}
