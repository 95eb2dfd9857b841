using System.Net;
using System.Text;
using System.Text.Json;
using P402.Core.Chain.Ethereum;

namespace P402.Tests.EndToEnd;

/// <summary>The demo endpoint's terms as a payer sees them, before any payment.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class DemoEndpointTests(EndToEndFixture e2e)
{
    [Fact]
    public async Task Weather_NoPayment_Answers402WithTheDemoTermsInBothVersions()
    {
        var url = e2e.DemoUrl("Aveiro");

        using var response = await e2e.SendAsync(url);

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var v2 = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers.GetValues("PAYMENT-REQUIRED").Single()))).RootElement;
        Assert.Equal(2, v2.GetProperty("x402Version").GetInt32());
        Assert.Equal(url.AbsoluteUri, v2.GetProperty("resource").GetProperty("url").GetString());
        var offer = Assert.Single(v2.GetProperty("accepts").EnumerateArray());
        Assert.Equal("exact", offer.GetProperty("scheme").GetString());
        Assert.Equal("eip155:8453", offer.GetProperty("network").GetString());
        Assert.Equal("10000", offer.GetProperty("amount").GetString());
        Assert.Equal(EndToEndFixture.DemoPayTo, EthAddress.Parse(offer.GetProperty("payTo").GetString()));
        Assert.Equal(e2e.Chain.Usdc, EthAddress.Parse(offer.GetProperty("asset").GetString()));
        Assert.Equal("USD Coin", offer.GetProperty("extra").GetProperty("name").GetString());

        var v1 = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, v1.GetProperty("x402Version").GetInt32());
        var v1Offer = Assert.Single(v1.GetProperty("accepts").EnumerateArray());
        Assert.Equal("base", v1Offer.GetProperty("network").GetString());
        Assert.Equal("10000", v1Offer.GetProperty("maxAmountRequired").GetString());
        Assert.Equal(url.AbsoluteUri, v1Offer.GetProperty("resource").GetString());
    }

    [Theory]
    [InlineData("demo/weather")]
    [InlineData("demo/weather?city=")]
    [InlineData("demo/weather?city=%20%20")]
    [InlineData("demo/weather?city=Robert%27);DROP%20TABLE")]
    [InlineData("demo/weather?city=Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochxyzxyz")]
    public async Task Weather_BadCity_Answers400BeforeAskingForPayment(string path)
    {
        using var response = await e2e.SendAsync(new Uri(e2e.BaseUrl, path));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("PAYMENT-REQUIRED"));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("Lisbon", problem.GetProperty("errors").GetProperty("city")[0].GetString());
    }
}
