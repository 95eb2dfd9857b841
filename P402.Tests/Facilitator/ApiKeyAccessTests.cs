using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.ApiKeys;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Facilitator;

/// <summary>The facilitator and REST API take API keys only: 401 problem+json (never a login redirect) without a good key, 403 without the scope.</summary>
public sealed class ApiKeyAccessTests(AnvilChainFixture chain, SharedApp shared) : IClassFixture<AnvilChainFixture>, IClassFixture<SharedApp>
{
    private P402AppFactory App => shared.For(chain);

    public static TheoryData<string, string?> BadCredentials()
    {
        var data = new TheoryData<string, string?>();
        foreach (var path in new[] { "/verify", "/settle", "/api/v1/settlements" })
        {
            data.Add(path, null);
            data.Add(path, "Bearer");
            data.Add(path, "Bearer not-a-key");
            data.Add(path, "Bearer p402_test_" + new string('a', 43));
            data.Add(path, "Bearer p402_live_" + new string('b', 43));
            data.Add(path, "Basic dXNlcjpwYXNz");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BadCredentials))]
    public async Task Request_MissingOrUnknownKey_UnauthorizedProblemNotRedirect(string path, string? authorization)
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });
        using var request = Request(path, NewPayment(chain).V2().ToJsonString());
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("/verify")]
    [InlineData("/settle")]
    public async Task Request_RevokedKey_Unauthorized(string path)
    {
        var merchant = await App.CreateMerchantAsync();
        var client = App.ClientFor(merchant);
        var payment = NewPayment(chain);
        AssertValid(await VerifyAsync(client, payment.V2()), payment);

        Assert.True(await App.Services.GetRequiredService<ApiKeyService>().RevokeAsync(merchant.MerchantId, merchant.ApiKeyId, CancellationToken.None));

        using var response = await client.SendAsync(Request(path, payment.V2().ToJsonString()));
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await chain.BalanceOfUsdcAsync(payment.PayTo));
    }

    [Theory]
    [InlineData("/verify", ApiKeyScopes.Read | ApiKeyScopes.Receipts)]
    [InlineData("/settle", ApiKeyScopes.Read)]
    [InlineData("/settle", ApiKeyScopes.Receipts)]
    [InlineData("/api/v1/settlements", ApiKeyScopes.Facilitator | ApiKeyScopes.Receipts)]
    public async Task Request_KeyWithoutTheScope_ForbiddenProblem(string path, ApiKeyScopes scopes)
    {
        var client = App.ClientFor(await App.CreateMerchantAsync(scopes: scopes));
        var payment = NewPayment(chain);

        using var response = await client.SendAsync(Request(path, payment.V2().ToJsonString()));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(0, await chain.BalanceOfUsdcAsync(payment.PayTo));
    }

    [Fact]
    public async Task Request_KeyWithOnlyTheFacilitatorScope_VerifiesAndSettles()
    {
        var client = App.ClientFor(await App.CreateMerchantAsync(scopes: ApiKeyScopes.Facilitator));
        var payment = NewPayment(chain);
        AssertValid(await VerifyAsync(client, payment.V2()), payment);
        AssertSettled(await SettleAsync(client, payment.V2()));
    }

    [Fact]
    public async Task Supported_WithoutKey_IsPublic()
    {
        var supported = await GetJsonAsync(App.CreateClient(), "/supported");
        Assert.NotEmpty(supported.GetProperty("kinds").EnumerateArray());
    }

    private static HttpRequestMessage Request(string path, string json) => path.StartsWith("/api/", StringComparison.Ordinal)
        ? new HttpRequestMessage(HttpMethod.Get, path)
        : new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
