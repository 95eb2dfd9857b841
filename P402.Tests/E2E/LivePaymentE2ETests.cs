using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

/// <summary>
/// The whole loop a merchant sees: a key made in the dashboard pays through the real API on the dev
/// chain, and the settlement, the receipt and its reuses appear in open pages without a reload.
/// </summary>
[Collection(DashboardE2ECollection.Name)]
public sealed class LivePaymentE2ETests(DashboardAppFixture app)
{
    [Fact]
    public async Task KeyFromTheDashboard_PaysThroughTheApi_AndThePagesUpdateLive()
    {
        var page = await app.NewPageAsync();
        await DashboardPages.RegisterAsync(page, DashboardAppFixture.NewEmail("live"));
        await DashboardPages.OpenAsync(page, "api-keys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Key name").First.FillAsync("Server");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        var secret = (await page.GetByTestId("new-key-secret").TextContentAsync())!.Trim();
        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Settlements" }).ClickAsync();
        await Expect(page.GetByTestId("settlements-empty")).ToBeVisibleAsync();

        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var payment = new TestPayment
        {
            Payer = EthKey.Parse(DevAccounts.Payers[0].PrivateKey),
            PayTo = DevAccounts.Payers[1].Address,
            Value = 20_000,
            Resource = "https://api.example.com/live",
        };
        var settle = await api.PostAsJsonAsync("settle", payment.V2(new JsonObject { ["receipt"] = new JsonObject { ["ttlSeconds"] = 600 } }));
        var settled = await settle.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(settled.GetProperty("success").GetBoolean(), settled.ToString());
        var settlementId = settled.GetProperty("settlementId").GetString()!;
        var receiptId = settled.GetProperty("receipt").GetProperty("id").GetString()!;

        await Expect(page.GetByTestId($"settlement-status-{settlementId}")).ToHaveTextAsync("Confirmed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Receipts" }).ClickAsync();
        await Expect(page.GetByTestId($"reuse-count-{receiptId}")).ToHaveTextAsync("0");
        var verifyUrl = $"api/v1/receipts/{receiptId}/verify?resource={Uri.EscapeDataString(payment.Resource)}";
        var verified = await api.GetFromJsonAsync<JsonElement>(verifyUrl);
        Assert.True(verified.GetProperty("valid").GetBoolean(), verified.ToString());
        await Expect(page.GetByTestId($"reuse-count-{receiptId}")).ToHaveTextAsync("1");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke receipt {receiptId}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke receipt", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId($"receipt-state-{receiptId}")).ToHaveTextAsync("Revoked");
        var refused = await api.GetFromJsonAsync<JsonElement>(verifyUrl);
        Assert.False(refused.GetProperty("valid").GetBoolean());
        Assert.Equal("RECEIPT_REVOKED", refused.GetProperty("reason").GetString());
        await page.Context.CloseAsync();
    }
}
