using System.Net;
using P402.Merchant;

namespace P402.Tests.Merchant;

public sealed class PaymentFlowTests : MerchantTestBase
{
    [Fact]
    public async Task Paid_ValidV2Payment_RunsHandlerSettlesAndAnswersPaymentResponseAndReceipt()
    {
        var response = await PayV2Async();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(MerchantApp.Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var settled = DecodeResponse(response, P402HeaderNames.PaymentResponse);
        Assert.Equal((true, TestPayments.TxHash, "eip155:8453", TestPayments.Payer), (settled.Success, settled.Transaction, settled.Network, settled.Payer));
        Assert.Null(settled.ErrorReason);
        Assert.False(response.Headers.Contains(P402HeaderNames.XPaymentResponse));
        Assert.Equal(TestPayments.ReceiptId, response.Headers.GetValues(P402HeaderNames.Receipt).Single());
        Assert.Equal("2026-11-24T10:10:00Z", response.Headers.GetValues(P402HeaderNames.ReceiptExpires).Single());
        Assert.Equal(1, Merchant.HandlerRuns);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var settle = Assert.Single(P402.SettleRequests);
        Assert.Equal(600, (int)settle["receipt"]!["ttlSeconds"]!);
    }

    [Fact]
    public async Task Paid_PayerClaimsOtherTerms_P402GetsTheEndpointsOwnRequirementsAndResource()
    {
        var payload = TestPayments.V2("http://localhost/somewhere-else", amount: "1");

        await SendAsync("/paid?q=1", P402HeaderNames.PaymentSignature, X402HeaderCodec.Encode(payload));

        var verify = Assert.Single(P402.VerifyRequests);
        Assert.Equal(2, (int)verify["x402Version"]!);
        var requirements = verify["paymentRequirements"]!;
        Assert.Equal("10000", (string?)requirements["amount"]);
        Assert.Equal(TestPayments.PayTo, (string?)requirements["payTo"]);
        Assert.Equal("eip155:8453", (string?)requirements["network"]);
        Assert.Equal("http://localhost/paid?q=1", (string?)verify["paymentPayload"]!["resource"]!["url"]);
        // The payer's own copy travels unchanged: P402 compares it.
        Assert.Equal("1", (string?)verify["paymentPayload"]!["accepted"]!["amount"]);
        Assert.Equal(TestPayments.Signature, (string?)verify["paymentPayload"]!["payload"]!["signature"]);
    }

    [Fact]
    public async Task Paid_ValidV1Payment_AnswersXPaymentResponseWithV1Requirements()
    {
        var response = await SendAsync("/paid", P402HeaderNames.XPayment, X402HeaderCodec.Encode(TestPayments.V1()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var settled = DecodeResponse(response, P402HeaderNames.XPaymentResponse);
        Assert.True(settled.Success);
        Assert.Equal("base", settled.Network);
        Assert.False(response.Headers.Contains(P402HeaderNames.PaymentResponse));
        var verify = Assert.Single(P402.VerifyRequests);
        Assert.Equal(1, (int)verify["x402Version"]!);
        var requirements = verify["paymentRequirements"]!.AsObject();
        Assert.Equal("base", (string?)requirements["network"]);
        Assert.Equal("10000", (string?)requirements["maxAmountRequired"]);
        Assert.Equal("http://localhost/paid", (string?)requirements["resource"]);
        Assert.False(requirements.ContainsKey("amount"));
        Assert.Single(P402.SettleRequests);
    }

    [Fact]
    public async Task Paid_HandlerReturnsPlainValue_SettlesAndWritesTheValue()
    {
        var response = await PayV2Async("/plain");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MerchantApp.Secret, await response.Content.ReadAsStringAsync());
        Assert.True(DecodeResponse(response, P402HeaderNames.PaymentResponse).Success);
        var settle = Assert.Single(P402.SettleRequests);
        Assert.Null(settle["receipt"]);
        Assert.False(response.Headers.Contains(P402HeaderNames.Receipt));
    }

    [Fact]
    public async Task Paid_SettleFails_Answers402WithFailedPaymentResponseAndWithoutTheHandlersBody()
    {
        P402.SettleErrorReason = "invalid_exact_evm_transaction_failed";

        var response = await PayV2Async();

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var settled = DecodeResponse(response, P402HeaderNames.PaymentResponse);
        Assert.False(settled.Success);
        Assert.Equal("invalid_exact_evm_transaction_failed", settled.ErrorReason);
        Assert.Equal("invalid_exact_evm_transaction_failed", DecodeRequired(response).Error);
        Assert.DoesNotContain(MerchantApp.Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains(P402HeaderNames.Receipt));
        Assert.Equal(1, Merchant.HandlerRuns);
    }

    [Theory]
    [InlineData("/throws")]
    [InlineData("/fails")]
    [InlineData("/union")]
    public async Task Paid_HandlerDoesNotSucceed_NothingIsSettled(string path)
    {
        var response = await PayV2Async(path);

        Assert.True((int)response.StatusCode is 404 or 500, $"status {(int)response.StatusCode}");
        Assert.Single(P402.VerifyRequests);
        Assert.Empty(P402.SettleRequests);
        Assert.False(response.Headers.Contains(P402HeaderNames.PaymentResponse));
        Assert.Equal(1, Merchant.HandlerRuns);
    }

    [Fact]
    public async Task Paid_FullFlowAtTraceLevel_NeverLogsTheApiKeyOrTheSignature()
    {
        await PayV2Async();
        await SendAsync("/paid", P402HeaderNames.Receipt, TestPayments.ReceiptId);

        Assert.NotEmpty(Merchant.Logs.Lines);
        Assert.DoesNotContain(Merchant.Logs.Lines, line => line.Contains(FakeP402.ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(Merchant.Logs.Lines, line => line.Contains(TestPayments.Signature[2..20], StringComparison.OrdinalIgnoreCase));
        // The receipt id is in the REST path (the HTTP client's own logs show it, as P402's access logs do); the filter never logs it.
        var filterLines = Merchant.Logs.Lines.Where(line => line.Contains(" P402.Merchant.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(filterLines);
        Assert.DoesNotContain(filterLines, line => line.Contains(TestPayments.ReceiptId, StringComparison.Ordinal));
    }
}
