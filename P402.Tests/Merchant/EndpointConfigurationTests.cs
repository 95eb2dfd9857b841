using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using P402.Merchant;

namespace P402.Tests.Merchant;

public sealed class EndpointConfigurationTests
{
    [Theory]
    [InlineData("10000", "0x123", "PayTo")]
    [InlineData("0.01", TestPayments.PayTo, "Amount")]
    [InlineData("010000", TestPayments.PayTo, "Amount")]
    [InlineData(null, TestPayments.PayTo, "Amount")]
    public async Task RequireP402Payment_Misconfigured_FailsWhenTheEndpointIsBuilt(string? amount, string payTo, string named)
    {
        await using var app = await StartAsync(withClient: true, e => e.RequireP402Payment(o =>
        {
            o.Amount = amount;
            o.PayTo = payTo;
        }));

        var error = Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("/paid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequireP402Payment_WithoutAddP402Client_SaysWhatIsMissing()
    {
        await using var app = await StartAsync(withClient: false, e => e.RequireP402Payment(1, o => o.PayTo = TestPayments.PayTo));

        var error = Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints);

        Assert.Contains("AddP402Client", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequireP402Payment_BaseSepoliaAndLongPrice_Advertises()
    {
        await using var app = await StartAsync(withClient: true, e => e.RequireP402Payment(2_500_000, o =>
        {
            o.PayTo = TestPayments.PayTo;
            o.UseBaseSepolia();
            o.MimeType = "text/plain";
        }));

        var response = await app.GetTestClient().GetAsync(new Uri("/paid", UriKind.Relative));

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var v2 = MerchantTestBase.DecodeRequired(response);
        var accepted = Assert.Single(v2.Accepts);
        Assert.Equal(("eip155:84532", "2500000", P402PaymentOptions.BaseSepoliaUsdc, "USDC"),
            (accepted.Network, accepted.Amount, accepted.Asset, accepted.Extra!.Name));
        Assert.Equal("text/plain", v2.Resource!.MimeType);
        var v1 = await MerchantTestBase.BodyAsync(response);
        Assert.Equal("base-sepolia", (string?)v1["accepts"]![0]!["network"]);
    }

    [Fact]
    public void WithExposedP402Headers_ExposesEveryPaymentHeader()
    {
        var policy = new CorsPolicyBuilder().WithOrigins("https://app.example").WithExposedP402Headers().WithP402RequestHeaders().Build();

        Assert.Equal(["PAYMENT-REQUIRED", "PAYMENT-RESPONSE", "X-PAYMENT-RESPONSE", "P402-Receipt", "P402-Receipt-Expires"], policy.ExposedHeaders);
        Assert.Equal(["PAYMENT-SIGNATURE", "X-PAYMENT", "P402-Receipt"], policy.Headers);
    }

    private static async Task<WebApplication> StartAsync(bool withClient, Action<RouteHandlerBuilder> paid)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        if (withClient)
        {
            builder.Services.AddP402Client(o =>
            {
                o.BaseUrl = new Uri("http://p402.test/");
                o.ApiKey = FakeP402.ApiKey;
            });
        }
        var app = builder.Build();
        paid(app.MapGet("/paid", () => "content"));
        await app.StartAsync();
        return app;
    }
}
