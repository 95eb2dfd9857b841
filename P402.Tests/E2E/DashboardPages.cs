using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

/// <summary>Steps a person takes in the dashboard, shared by the E2E tests.</summary>
public static class DashboardPages
{
    // The system clipboard is one for every browser the parallel tests run, so a test reads what its own page
    // copied: navigator.clipboard.writeText still runs, and the page remembers the text it was given.
    private const string RememberCopies = """
        (() => {
          const clipboard = navigator.clipboard;
          if (!clipboard || clipboard.__p402Remembers) return;
          const write = clipboard.writeText.bind(clipboard);
          clipboard.writeText = text => { window.__p402Copied = text; return write(text); };
          clipboard.__p402Remembers = true;
        })()
        """;

    /// <summary>From now on (this document and the next ones) the page remembers what it copies.</summary>
    public static async Task RememberCopiesAsync(IPage page)
    {
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.AddInitScriptAsync(RememberCopies);
        await page.EvaluateAsync(RememberCopies);
    }

    /// <summary>What this page last copied (see <see cref="RememberCopiesAsync"/>), once it has copied something.</summary>
    public static async Task<string> CopiedTextAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => typeof window.__p402Copied === 'string'");
        return await page.EvaluateAsync<string>("() => window.__p402Copied");
    }

    public static async Task RegisterAsync(IPage page, string email, string business = "Acme Payments")
    {
        await page.GotoAsync("Account/Register");
        await page.GetByLabel("Business name", new() { Exact = true }).FillAsync(business);
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DashboardAppFixture.Password);
        await page.GetByLabel("Confirm password", new() { Exact = true }).FillAsync(DashboardAppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await WaitForAppAsync(page);
    }

    public static async Task LogInAsync(IPage page, string email)
    {
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DashboardAppFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await WaitForAppAsync(page);
    }

    /// <summary>Opens an app page and waits until its circuit is interactive (buttons answer).</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForAppAsync(page);
    }

    /// <summary>MainLayout marks the document once the interactive render has happened.</summary>
    public static Task WaitForAppAsync(IPage page) =>
        Expect(page.Locator("html[data-p402-interactive]")).ToBeAttachedAsync();

    /// <summary>The element is wholly visible: scrolled to, and not cut by the viewport or a clipping ancestor.</summary>
    public static async Task ExpectFullyOnScreenAsync(ILocator locator)
    {
        await Expect(locator).ToBeVisibleAsync();
        await locator.ScrollIntoViewIfNeededAsync();
        await Expect(locator).ToBeInViewportAsync(new() { Ratio = 1 });
    }

    /// <summary>Nothing on the page is wider than the window (a phone would scroll sideways, or cut it off).</summary>
    public static Task ExpectNoSidewaysScrollAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth");

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(DashboardAppFixture.ScreenshotDirectory, name + ".png"), FullPage = true });
}
