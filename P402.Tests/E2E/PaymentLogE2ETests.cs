using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.ApiKeys;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

/// <summary>
/// "What happened to that payment?": a payment P402 refused is found in the payment log by its requestId, and a
/// settlement's detail shows its receipt (a link that opens Receipts on it), the key it came through by name, and on
/// the dev chain why there is no explorer link.
/// </summary>
[Collection(DashboardE2ECollection.Name)]
public sealed class PaymentLogE2ETests(DashboardAppFixture app)
{
    [Fact]
    public async Task RefusedPayment_BadSignature_FoundInThePaymentLogByItsRequestId()
    {
        var page = await app.NewPageAsync();
        var email = DashboardAppFixture.NewEmail("log");
        await DashboardPages.RegisterAsync(page, email);
        using var api = await ApiClientAsync(email, "Checkout server");
        var forged = Payment(0) with { Signer = EthKey.Generate(), Resource = "https://api.example.com/reports/q3" };
        var refused = await PostAsync(api, "verify", forged.V2());
        Assert.Equal("INVALID_SIGNATURE", refused.GetProperty("reason").GetString());
        var requestId = refused.GetProperty("requestId").GetString()!;
        var accepted = (await PostAsync(api, "verify", Payment(1).V2())).GetProperty("requestId").GetString()!;

        await DashboardPages.OpenAsync(page, "payments");
        await Expect(page.GetByTestId($"payment-row-{accepted}")).ToBeVisibleAsync();
        await page.GetByLabel("Request id filter").FillAsync(requestId);

        await Expect(page.GetByTestId($"payment-outcome-{requestId}")).ToHaveTextAsync("INVALID_SIGNATURE");
        await Expect(page.GetByTestId($"payment-row-{accepted}")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId($"payment-message-{requestId}")).ToHaveTextAsync(refused.GetProperty("message").GetString()!);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"requestId={requestId}"));
        await DashboardPages.ScreenshotAsync(page, "payment-log");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.GetByTestId($"payment-outcome-{requestId}")).ToBeVisibleAsync();
        await DashboardPages.ScreenshotAsync(page, "payment-log-390");
        await page.SetViewportSizeAsync(1280, 860);

        await page.GetByLabel("Request id filter").FillAsync("");
        await page.GetByLabel("Resource filter").FillAsync("REPORTS/q");
        await Expect(page.GetByTestId($"payment-row-{requestId}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"payment-row-{accepted}")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SettlementDetail_ShowsItsReceiptTheKeysNameAndLinksThePaymentLog()
    {
        var page = await app.NewPageAsync();
        var email = DashboardAppFixture.NewEmail("detail");
        await DashboardPages.RegisterAsync(page, email);
        using var api = await ApiClientAsync(email, "Billing backend");
        var settled = await PostAsync(api, "settle", Payment(2).V2(new JsonObject { ["receipt"] = new JsonObject { ["ttlSeconds"] = 600 } }));
        Assert.True(settled.GetProperty("success").GetBoolean(), settled.ToString());
        var receiptId = settled.GetProperty("receipt").GetProperty("id").GetString()!;
        var requestId = settled.GetProperty("requestId").GetString()!;

        await DashboardPages.OpenAsync(page, $"settlements/{settled.GetProperty("settlementId").GetString()}");

        await Expect(page.GetByTestId("settlement-receipt-id")).ToHaveTextAsync(receiptId);
        await Expect(page.GetByTestId("settlement-receipt-state")).ToHaveTextAsync("Active");
        await Expect(page.GetByTestId("settlement-fields")).ToContainTextAsync("Billing backend");
        await page.GetByTestId("settlement-payment-log-link").ClickAsync();
        await Expect(page.GetByTestId($"payment-outcome-{requestId}")).ToHaveTextAsync("Settled");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SettlementDetail_ReceiptLinkOpensReceiptsOnThatReceipt_KeyByName_DevChainExplainsNoExplorer()
    {
        var page = await app.NewPageAsync();
        var email = DashboardAppFixture.NewEmail("rcptlink");
        await DashboardPages.RegisterAsync(page, email);
        using var api = await ApiClientAsync(email, "Storefront");
        var withReceipt = new JsonObject { ["receipt"] = new JsonObject { ["ttlSeconds"] = 600 } };
        var first = await PostAsync(api, "settle", Payment(0).V2(withReceipt.DeepClone().AsObject()));
        var second = await PostAsync(api, "settle", Payment(1).V2(withReceipt.DeepClone().AsObject()));
        Assert.True(first.GetProperty("success").GetBoolean() && second.GetProperty("success").GetBoolean(), $"{first} {second}");
        var receiptId = first.GetProperty("receipt").GetProperty("id").GetString()!;
        var otherReceiptId = second.GetProperty("receipt").GetProperty("id").GetString()!;
        var merchantId = await app.MerchantOfAsync(email);
        var keyId = (await app.Services.GetRequiredService<ApiKeyService>().ListAsync(merchantId, CancellationToken.None)).Single(k => k.Name == "Storefront").Id;

        await DashboardPages.OpenAsync(page, $"settlements/{first.GetProperty("settlementId").GetString()}");

        await Expect(page.GetByTestId("no-explorer")).ToContainTextAsync("local development chain (anvil)");
        await Expect(page.GetByTestId("explorer-link")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("settlement-fields")).ToContainTextAsync("Storefront");
        await Expect(page.GetByTestId("settlement-fields")).Not.ToContainTextAsync(keyId);
        await DashboardPages.ScreenshotAsync(page, "settlement-detail-receipt");
        await page.GetByTestId("settlement-receipt-link").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/receipts\\?id={receiptId}$"));
        await Expect(page.GetByTestId("receipts-pinned")).ToContainTextAsync(receiptId);
        await Expect(page.Locator("tr.p402-row-focus").GetByTestId($"receipt-row-{receiptId}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"receipt-row-{otherReceiptId}")).ToHaveCountAsync(0);
        await DashboardPages.ScreenshotAsync(page, "receipts-one-receipt");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.GetByTestId($"revoke-receipt-{receiptId}")).ToBeInViewportAsync();
        await DashboardPages.ScreenshotAsync(page, "receipts-one-receipt-390");
        await page.SetViewportSizeAsync(1280, 860);

        await page.GetByTestId("receipts-show-all").ClickAsync();
        await Expect(page.GetByTestId($"receipt-row-{otherReceiptId}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("receipts-pinned")).ToHaveCountAsync(0);
        await page.GoBackAsync();
        await Expect(page.GetByTestId($"receipt-row-{otherReceiptId}")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private static TestPayment Payment(int payer) => new()
    {
        Payer = EthKey.Parse(DevAccounts.Payers[payer].PrivateKey),
        PayTo = DevAccounts.Payers[(payer + 1) % DevAccounts.Payers.Count].Address,
        Value = 10_000,
    };

    /// <summary>A key of the merchant of <paramref name="email"/>, made with the same Core service the API keys page uses.</summary>
    private async Task<HttpClient> ApiClientAsync(string email, string keyName)
    {
        var merchantId = await app.MerchantOfAsync(email);
        var key = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(merchantId, keyName, ApiKeyScopes.All, ApiKeyMode.Test, "test", CancellationToken.None);
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        return client;
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, JsonObject body)
    {
        using var response = await api.PostAsJsonAsync(path, body);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
