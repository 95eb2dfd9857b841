using System.Net;
using P402.Merchant;

namespace P402.Tests.Merchant;

public sealed class PaymentRequiredTests : MerchantTestBase
{
    [Fact]
    public async Task Paid_NoPaymentNoReceipt_Answers402InBothVersions()
    {
        var response = await SendAsync("/paid?city=Paris&units=metric");

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var v2 = DecodeRequired(response);
        Assert.Equal(2, v2.X402Version);
        Assert.Equal("http://localhost/paid?city=Paris&units=metric", v2.Resource!.Url);
        Assert.Equal("A paid thing", v2.Resource.Description);
        var accepted = Assert.Single(v2.Accepts);
        Assert.Equal(("exact", "eip155:8453", "10000", TestPayments.PayTo, 60), (accepted.Scheme, accepted.Network, accepted.Amount, accepted.PayTo, accepted.MaxTimeoutSeconds));
        Assert.Equal(P402PaymentOptions.BaseUsdc, accepted.Asset);
        Assert.Equal(new PaymentExtra("USD Coin", "2"), accepted.Extra);
        Assert.Null(accepted.MaxAmountRequired);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var v1 = await BodyAsync(response);
        Assert.Equal(1, (int)v1["x402Version"]!);
        Assert.False(string.IsNullOrEmpty((string?)v1["error"]));
        var requirement = v1["accepts"]![0]!.AsObject();
        Assert.Equal("base", (string?)requirement["network"]);
        Assert.Equal("10000", (string?)requirement["maxAmountRequired"]);
        Assert.Equal("http://localhost/paid?city=Paris&units=metric", (string?)requirement["resource"]);
        Assert.Equal("A paid thing", (string?)requirement["description"]);
        Assert.Equal("application/json", (string?)requirement["mimeType"]);
        Assert.Equal(60, (int)requirement["maxTimeoutSeconds"]!);
        Assert.False(requirement.ContainsKey("amount"));
        Assert.False(requirement.ContainsKey("outputSchema"));
        Assert.Equal(0, Merchant.HandlerRuns);
    }

    [Theory]
    [InlineData("PAYMENT-SIGNATURE", "not base64 at all!")]
    [InlineData("PAYMENT-SIGNATURE", "eyJ4NDAyVmVyc2lvbiI6Mn0=")] // {"x402Version":2}: no payload
    [InlineData("X-PAYMENT", "bm90IGpzb24=")] // "not json"
    [InlineData("X-PAYMENT", "eyJ4NDAyVmVyc2lvbiI6MywicGF5bG9hZCI6e319")] // {"x402Version":3,"payload":{}}
    public async Task Paid_MalformedPaymentHeader_Answers402InvalidPayloadWithoutAskingP402(string header, string value)
    {
        var response = await SendAsync("/paid", header, value);

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("invalid_payload", DecodeRequired(response).Error);
        Assert.Equal("invalid_payload", (string?)(await BodyAsync(response))["error"]);
        Assert.Empty(P402.VerifyRequests);
        Assert.Equal(0, Merchant.HandlerRuns);
    }

    [Fact]
    public async Task Paid_UnsupportedVersionNumber_Answers402InvalidPayload()
    {
        var payload = TestPayments.V2("http://localhost/paid") with { X402Version = 7 };

        var response = await SendAsync("/paid", P402HeaderNames.PaymentSignature, X402HeaderCodec.Encode(payload));

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("invalid_payload", DecodeRequired(response).Error);
        Assert.Empty(P402.VerifyRequests);
    }

    [Fact]
    public async Task Paid_PaymentRefusedByP402_Answers402WithTheReasonAndDoesNotRunTheHandler()
    {
        P402.InvalidReason = "invalid_exact_evm_signature";

        var response = await PayV2Async();

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("invalid_exact_evm_signature", DecodeRequired(response).Error);
        Assert.Equal(0, Merchant.HandlerRuns);
        Assert.Empty(P402.SettleRequests);
    }

    [Fact]
    public async Task Paid_P402AnswersBadRequestToVerify_Answers402InvalidPayload()
    {
        P402.FailWithStatus = 400;

        var response = await PayV2Async();

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("invalid_payload", DecodeRequired(response).Error);
        Assert.Equal(0, Merchant.HandlerRuns);
    }
}
