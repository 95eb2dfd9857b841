using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using P402.Core.Chain.DevChain;
using P402.Core.Merchants;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

/// <summary>The Playground in Chromium: a demo payer pays the playground endpoint for real on anvil, reuses the receipt, revokes it.</summary>
[Collection(DashboardE2ECollection.Name)]
public sealed class PlaygroundE2ETests(DashboardAppFixture app)
{
    private static readonly LocatorAssertionsToHaveTextOptions Settling = new() { Timeout = 60_000 };

    [Fact]
    public async Task Playground_PayReuseRevoke_ShowsEachStepAndTheRevokedReceiptIsRefused()
    {
        var page = await app.NewPageAsync(1400, 1000);
        await DashboardPages.RegisterAsync(page, DashboardAppFixture.NewEmail("newcomer"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Playground" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Playground", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("timeline-empty")).ToBeVisibleAsync();

        var payer = DevAccounts.Payers[1];
        await page.GetByRole(AriaRole.Radio, new() { Name = $"Payer {payer.Index}" }).CheckAsync();
        var balance = page.GetByTestId($"payer-balance-{payer.Index}");
        await Expect(balance).ToHaveTextAsync(new Regex(@"^\$[\d,.]+ USDC$"));
        var before = ParseUsdc(await balance.TextContentAsync());
        await page.GetByLabel("City").FillAsync("Porto");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();

        var settled = page.GetByTestId("step-settled");
        await Expect(settled.GetByTestId("field-status")).ToHaveTextAsync("Confirmed", Settling);
        await Expect(settled.GetByTestId("field-transaction")).ToHaveTextAsync(new Regex("^0x[0-9a-f]{64}$"));
        await Expect(page.GetByTestId("step-payment-required")).ToContainTextAsync("GET /demo/playground/weather?city=Porto");
        await Expect(page.GetByTestId("step-payment-required").GetByTestId("field-price")).ToHaveTextAsync("$0.01 USDC");
        await Expect(page.GetByTestId("step-signed").GetByTestId("field-from")).ToHaveTextAsync(payer.Address.ToString());
        await Expect(page.GetByTestId("step-paid")).ToContainTextAsync("→ 200");
        await Expect(page.GetByTestId("step-receipt").GetByTestId("field-receipt")).ToHaveTextAsync(new Regex("^rcpt_"));
        await Expect(page.GetByTestId("receipt-id")).ToHaveTextAsync(new Regex("^rcpt_"));
        var firstReceipt = await page.GetByTestId("receipt-id").TextContentAsync();
        await Expect(page.GetByTestId("reuse-count")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("receipt-state")).ToHaveTextAsync("Active");
        await Expect(balance).ToHaveTextAsync(Usdc(before - 0.01m));

        var reuse = page.GetByRole(AriaRole.Button, new() { Name = "Reuse receipt" });
        await reuse.ClickAsync();
        await Expect(page.GetByTestId("reuse-count")).ToHaveTextAsync("1");
        await reuse.ClickAsync();
        await Expect(page.GetByTestId("reuse-count")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("step-reused")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("step-settled")).ToHaveCountAsync(1);
        await Expect(balance).ToHaveTextAsync(Usdc(before - 0.01m));
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await DashboardPages.ScreenshotAsync(page, "playground");

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke receipt" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(firstReceipt!);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke receipt", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("step-revoked")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("receipt-state")).ToHaveTextAsync("Revoked");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Revoke receipt" })).ToHaveCountAsync(0);

        await reuse.ClickAsync();
        await Expect(page.GetByTestId("step-refused")).ToContainTextAsync("RECEIPT_REVOKED");
        // Far below the fold by now: the timeline brings the new step into view.
        await Expect(page.GetByTestId("step-refused")).ToBeInViewportAsync();
        await Expect(page.GetByTestId("reuse-count")).ToHaveTextAsync("2");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("step-settled")).ToHaveCountAsync(2, new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("receipt-state")).ToHaveTextAsync("Active");
        await Expect(page.GetByTestId("receipt-id")).Not.ToHaveTextAsync(firstReceipt!);
        await Expect(balance).ToHaveTextAsync(Usdc(before - 0.02m));
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await DashboardPages.ScreenshotAsync(page, "playground-paid-again");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Playground_Viewer_CanPayAndReuseButHasNoRevokeControl()
    {
        var owner = await app.NewPageAsync();
        var ownerEmail = DashboardAppFixture.NewEmail("owner");
        await DashboardPages.RegisterAsync(owner, ownerEmail);
        var viewer = await app.LogInColleagueAsync(ownerEmail, MerchantRole.Viewer);

        await DashboardPages.OpenAsync(viewer, "playground");
        await viewer.GetByRole(AriaRole.Radio, new() { Name = $"Payer {DevAccounts.Payers[2].Index}" }).CheckAsync();
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        await Expect(viewer.GetByTestId("receipt-id")).ToHaveTextAsync(new Regex("^rcpt_"), Settling);
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Reuse receipt" }).ClickAsync();

        await Expect(viewer.GetByTestId("reuse-count")).ToHaveTextAsync("1");
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Revoke receipt" })).ToHaveCountAsync(0);
        await owner.Context.CloseAsync();
        await viewer.Context.CloseAsync();
    }

    private static decimal ParseUsdc(string? text) =>
        decimal.Parse(text!.Replace("$", "", StringComparison.Ordinal).Replace(" USDC", "", StringComparison.Ordinal),
            NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string Usdc(decimal dollars) => dollars.ToString("$#,0.00####", CultureInfo.InvariantCulture) + " USDC";
}
