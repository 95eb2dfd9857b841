using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using P402.Core.ApiKeys;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Core.Data;
using P402.Core.PaymentLogs;
using P402.Core.Receipts;
using P402.Tests.Dashboard;
using P402.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

/// <summary>
/// Every page at 1440×900 and 390×844 into test-results/screenshots/ (page-width.png), each checked for what a
/// phone gets wrong first: nothing wider than the window, and the page's heading on screen.
/// </summary>
[Collection(DashboardE2ECollection.Name)]
public sealed class ScreenshotTourE2ETests(DashboardAppFixture app)
{
    [Theory]
    [InlineData(1440, 900)]
    [InlineData(SmallScreenE2ETests.PhoneWidth, SmallScreenE2ETests.PhoneHeight)]
    public async Task EveryPage_AtThisSize_FitsTheWindow(int width, int height)
    {
        var page = await app.NewPageAsync(width, height);
        var email = DashboardAppFixture.NewEmail("tour");
        await DashboardPages.RegisterAsync(page, email, "Tour Coffee Roasters");
        var merchantId = await app.MerchantOfAsync(email);
        var seed = new PaymentSeed(app.Services.GetRequiredService<IDbContextFactory<P402DbContext>>(),
            app.Services.GetRequiredService<ReceiptService>(), app.Services.GetRequiredService<TimeProvider>());
        var receipt = await seed.ReceiptAsync(merchantId, "https://api.example.com/weather?city=lisbon");
        await seed.SettlementAsync(merchantId, 10_000, Core.Payments.SettlementStatus.Failed);
        var key = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(merchantId, "Production server", ApiKeyScopes.All, ApiKeyMode.Live, "tour", CancellationToken.None);
        await LogTwoAnswersAsync(key.Secret);

        (string Name, string Path, string Heading)[] pages =
        [
            ("overview", "", "Overview"),
            ("settlements", "settlements", "Settlements"),
            ("settlement-detail", $"settlements/{receipt.SettlementId}", "$0.01 USDC"),
            ("receipts", "receipts", "Receipts"),
            ("receipt-one", $"receipts?id={receipt.Id}", "Receipts"),
            ("payments", "payments", "Payment log"),
            ("api-keys", "api-keys", "API keys"),
            ("settings", "settings", "Settings"),
            ("playground", "playground", "Playground"),
            ("not-found", "no-such-page", "Page not found"),
        ];
        foreach (var (name, path, heading) in pages)
        {
            await DashboardPages.OpenAsync(page, path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            // The picture of the page with its rows, not of its grid still loading ("Loading settlements…").
            await Expect(page.Locator("[data-testid$='-loading']")).ToHaveCountAsync(0);
            await DashboardPages.ExpectNoSidewaysScrollAsync(page);
            if (name is "receipts")
            {
                // The grid's last column at both sizes (at 1440 the Revoke button sat on the card's right edge).
                await DashboardPages.ExpectFullyOnScreenAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Revoke receipt {receipt.Id}" }));
            }
            await DashboardPages.ScreenshotAsync(page, $"{name}-{width}");
        }

        (string Name, string Path, string Heading)[] accountPages =
        [
            ("account-manage", "Account/Manage", "Account & security"),
            ("account-2fa-setup", "Account/Manage/EnableAuthenticator", "Account & security"),
            ("account-password", "Account/Manage/ChangePassword", "Account & security"),
            ("account-email", "Account/Manage/Email", "Account & security"),
            ("account-2fa", "Account/Manage/TwoFactorAuthentication", "Account & security"),
            ("account-personal-data", "Account/Manage/PersonalData", "Account & security"),
        ];
        foreach (var (name, path, heading) in accountPages)
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await DashboardPages.ExpectNoSidewaysScrollAsync(page);
            await DashboardPages.ScreenshotAsync(page, $"{name}-{width}");
        }

        await page.Context.ClearCookiesAsync();
        foreach (var (name, path, heading) in new[]
        {
            ("login", "Account/Login", "Log in"), ("register", "Account/Register", "Create your account"),
            ("forgot-password", "Account/ForgotPassword", "Forgot your password?"),
        })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await DashboardPages.ExpectNoSidewaysScrollAsync(page);
            await DashboardPages.ScreenshotAsync(page, $"{name}-{width}");
        }
        await page.Context.CloseAsync();
    }

    /// <summary>A refused and an accepted /verify through the API, so the payment log has something to show; written before the tour looks.</summary>
    private async Task LogTwoAnswersAsync(string secret)
    {
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        TestPayment Payment(EthKey? signer = null) => new()
        {
            Payer = EthKey.Parse(DevAccounts.Payers[0].PrivateKey),
            Signer = signer,
            PayTo = DevAccounts.Payers[1].Address,
            Value = 10_000,
            Resource = "https://api.example.com/weather?city=lisbon",
        };
        foreach (var payment in new[] { Payment(EthKey.Generate()), Payment() })
        {
            using var response = await api.PostAsJsonAsync("verify", payment.V2());
            response.EnsureSuccessStatusCode();
        }
        await app.Services.GetRequiredService<PaymentLogWriter>().FlushAsync();
    }
}
