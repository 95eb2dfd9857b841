using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using P402.Tests.E2E;
using P402.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static P402.Tests.Receipts.ReceiptApi;

namespace P402.Tests.ScaleOut;

/// <summary>
/// The dashboard across three P402 processes that share nothing but the PostgreSQL database (each its own HOME): a sign-in
/// on one instance holds on another, and an open page on one instance shows what the API did on another.
/// </summary>
public sealed partial class ScaleOutDashboardTests(ScaleOutDashboardFixture fixture) : IClassFixture<ScaleOutDashboardFixture>
{
    [Fact]
    public async Task SignIn_FormFromBPostedToA_ThenAnAuthenticatedPageOnBAnswers200()
    {
        var merchant = await fixture.App.CreateMerchantAsync();
        var email = await fixture.CreateUserAsync(merchant.MerchantId);
        Uri a = fixture.Instances[0].BaseAddress, b = fixture.Instances[1].BaseAddress;
        // One cookie jar for both, as a browser behind a load balancer has (cookies are per host, not per port).
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(90),
        };

        // The form (and its antiforgery token and cookie) from B, posted to A: A must accept B's antiforgery token.
        var form = await browser.GetStringAsync(new Uri(b, "Account/Login"));
        var fields = HiddenInputs(form);
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        fields["Input.Email"] = email;
        fields["Input.Password"] = DashboardAppFixture.Password;
        var signIn = await browser.PostAsync(new Uri(a, "Account/Login"), new FormUrlEncodedContent(fields));
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"A answered the sign-in {(int)signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync()}");
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));

        // A's login cookie on B: an authenticated page, not the redirect to the login page.
        var page = await browser.GetAsync(new Uri(b, "receipts"));
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"B answered {(int)page.StatusCode} {page.Headers.Location}");
        Assert.Contains("receipt", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OpenPagesOnB_ShowTheSettlementReusesAndRevokeDoneThroughA()
    {
        var merchant = await fixture.App.CreateMerchantAsync();
        var email = await fixture.CreateUserAsync(merchant.MerchantId);
        using var a = fixture.Instances[0].CreateClient(merchant.ApiKey);
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Instances[1].BaseAddress.ToString() });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await DashboardPages.LogInAsync(page, email);
        await DashboardPages.OpenAsync(page, "settlements");
        await Expect(page.GetByTestId("settlements-empty")).ToBeVisibleAsync();

        var settlementId = (await a.SettleConfirmedAsync(fixture.Chain)).GetProperty("settlementId").GetString()!;
        await Expect(page.GetByTestId($"settlement-status-{settlementId}")).ToHaveTextAsync("Confirmed");
        var (issued, receipt) = await IssueAsync(a, new JsonObject { ["settlementId"] = settlementId });
        Assert.Equal(HttpStatusCode.Created, issued);

        await page.GetByRole(AriaRole.Link, new() { Name = "Receipts" }).ClickAsync();
        await Expect(page.GetByTestId($"reuse-count-{receipt.Id()}")).ToHaveTextAsync("0");
        Assert.True((await VerifyAsync(a, receipt.Id())).GetProperty("valid").GetBoolean());
        await Expect(page.GetByTestId($"reuse-count-{receipt.Id()}")).ToHaveTextAsync("1");

        await RevokeAsync(a, receipt.Id());
        await Expect(page.GetByTestId($"receipt-state-{receipt.Id()}")).ToHaveTextAsync("Revoked");
    }

    private static Dictionary<string, string> HiddenInputs(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
