using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace P402.Tests.E2E;

/// <summary>
/// The "must show" flow, end to end in Debian's Chromium against the real app and a real anvil: a
/// merchant registers, makes a key in the UI, is paid through the API, sees the settlement, issues a receipt,
/// watches its reuses arrive live, revokes it with one click, and the API refuses it from then on.
/// </summary>
[Collection(DashboardE2ECollection.Name)]
public sealed class MerchantFlowE2ETests(DashboardAppFixture app)
{
    private const string Resource = "https://shop.example.com/api/forecast";
    private static readonly TimeSpan ChainTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task MerchantFlow_RegisterKeyPaySettleReceiptReuseRevoke_WorksThroughUiAndApi()
    {
        var page = await app.NewPageAsync();
        await DashboardPages.RegisterAsync(page, DashboardAppFixture.NewEmail("merchant"), "Forecast Shop");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();

        var apiKey = await CreateApiKeyAsync(page, "Checkout server");
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);

        // A real payment: an EIP-3009 authorization signed in C# with a dev payer's key, settled on anvil with the new key.
        var payment = new TestPayment
        {
            Payer = EthKey.Parse(DevAccounts.Payers[2].PrivateKey),
            PayTo = EthAddress.Parse("0x14dC79964da2C08b23698B3D3cc7Ca32193d9955"),
            Value = 250_000,
            Resource = Resource,
        };
        var settle = await PostJsonAsync(api, "settle", payment.V2());
        Assert.True(settle.GetProperty("success").GetBoolean(), settle.ToString());
        var settlementId = settle.GetProperty("settlementId").GetString()!;
        var txHash = settle.GetProperty("transaction").GetString()!;

        await DashboardPages.OpenAsync(page, "settlements");
        var row = page.GetByTestId($"settlement-row-{settlementId}");
        await Expect(row).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { Has = row })).ToContainTextAsync("$0.25");
        await Expect(page.GetByTestId($"settlement-status-{settlementId}")).ToHaveTextAsync("Confirmed");
        await DashboardPages.ScreenshotAsync(page, "flow-settlements");

        var issued = await PostJsonAsync(api, "api/v1/receipts", new JsonObject { ["txHash"] = txHash, ["ttlSeconds"] = 3600 });
        var receiptId = issued.GetProperty("id").GetString()!;
        Assert.StartsWith("rcpt_", receiptId, StringComparison.Ordinal);

        await DashboardPages.OpenAsync(page, "receipts");
        await Expect(page.GetByTestId($"reuse-count-{receiptId}")).ToHaveTextAsync("0");
        // Marks this document: a reload would drop the mark, so finding it later proves the count arrived live.
        await page.EvaluateAsync("() => { window.p402FlowMark = 'same-document'; }");

        Assert.Equal(1, (await VerifyAsync(api, receiptId)).GetProperty("reuseCount").GetInt64());
        Assert.Equal(2, (await VerifyAsync(api, receiptId)).GetProperty("reuseCount").GetInt64());

        await Expect(page.GetByTestId($"reuse-count-{receiptId}")).ToHaveTextAsync("2");
        Assert.Equal("same-document", await page.EvaluateAsync<string>("() => window.p402FlowMark"));
        await DashboardPages.ScreenshotAsync(page, "flow-receipts");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke receipt {receiptId}" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToBeVisibleAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Revoke receipt", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId($"receipt-state-{receiptId}")).ToHaveTextAsync("Revoked");

        var refused = await VerifyAsync(api, receiptId);
        Assert.False(refused.GetProperty("valid").GetBoolean());
        Assert.Equal("RECEIPT_REVOKED", refused.GetProperty("reason").GetString());

        await ScreenshotMainPagesAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>Creates a key in the API keys page and reads its secret from the dialog, the one time it is shown.</summary>
    private static async Task<string> CreateApiKeyAsync(IPage page, string name)
    {
        await DashboardPages.OpenAsync(page, "api-keys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Key name").First.FillAsync(name);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        var secret = page.GetByTestId("new-key-secret");
        await Expect(secret).ToHaveTextAsync(new Regex("^p402_live_"));
        var text = (await secret.TextContentAsync())!.Trim();
        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        // The dialog (which names the key too) closes with an animation; then only the table row is left.
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(page.GetByText(name)).ToBeVisibleAsync();
        return text;
    }

    private static async Task ScreenshotMainPagesAsync(IPage page)
    {
        foreach (var (path, heading, name) in new[]
        {
            ("", "Overview", "flow-overview"),
            ("settlements", "Settlements", "flow-settlements-after"),
            ("receipts", "Receipts", "flow-receipts-revoked"),
            ("api-keys", "API keys", "flow-api-keys"),
            ("settings", "Settings", "flow-settings"),
            ("playground", "Playground", "flow-playground"),
        })
        {
            await DashboardPages.OpenAsync(page, path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await DashboardPages.ScreenshotAsync(page, name);
        }
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient api, string receiptId) =>
        await api.GetFromJsonAsync<JsonElement>($"api/v1/receipts/{receiptId}/verify?resource={Uri.EscapeDataString(Resource)}");

    private static async Task<JsonElement> PostJsonAsync(HttpClient api, string path, JsonNode body)
    {
        using var cancel = new CancellationTokenSource(ChainTimeout);
        using var response = await api.PostAsJsonAsync(path, body, cancel.Token);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancel.Token);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {json}");
        return json;
    }
}
