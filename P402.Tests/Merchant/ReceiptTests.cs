using System.Net;
using P402.Merchant;

namespace P402.Tests.Merchant;

public sealed class ReceiptTests : MerchantTestBase
{
    [Fact]
    public async Task Paid_ValidReceipt_RunsHandlerWithoutVerifyOrSettle()
    {
        P402.Receipts[TestPayments.ReceiptId] = ("http://localhost/paid?x=1", null);

        var response = await SendAsync("/paid?x=1", P402HeaderNames.Receipt, TestPayments.ReceiptId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(MerchantApp.Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((TestPayments.ReceiptId, "http://localhost/paid?x=1"), Assert.Single(P402.ReceiptVerifications));
        Assert.Empty(P402.VerifyRequests);
        Assert.Empty(P402.SettleRequests);
        Assert.False(response.Headers.Contains(P402HeaderNames.PaymentResponse));
    }

    [Fact]
    public async Task Paid_ReceiptForAnotherResource_Answers402ResourceMismatch()
    {
        P402.Receipts[TestPayments.ReceiptId] = ("http://localhost/plain", null);

        var response = await SendAsync("/paid", P402HeaderNames.Receipt, TestPayments.ReceiptId);

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("RECEIPT_RESOURCE_MISMATCH", DecodeRequired(response).Error);
        Assert.Equal("RECEIPT_RESOURCE_MISMATCH", (string?)(await BodyAsync(response))["error"]);
        Assert.Equal(0, Merchant.HandlerRuns);
    }

    [Fact]
    public async Task Paid_RevokedReceipt_Answers402Revoked()
    {
        P402.Receipts[TestPayments.ReceiptId] = ("http://localhost/paid", "RECEIPT_REVOKED");

        var response = await SendAsync("/paid", P402HeaderNames.Receipt, TestPayments.ReceiptId);

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("RECEIPT_REVOKED", DecodeRequired(response).Error);
        Assert.Equal(0, Merchant.HandlerRuns);
    }

    [Fact]
    public async Task Paid_ImplausibleReceiptId_Answers402NotFoundWithoutAskingP402()
    {
        var response = await SendAsync("/paid", P402HeaderNames.Receipt, "../../settle");

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("RECEIPT_NOT_FOUND", DecodeRequired(response).Error);
        Assert.Empty(P402.ReceiptVerifications);
    }

    [Fact]
    public async Task Paid_ExpiredReceiptWithPayment_PaysInstead()
    {
        P402.Receipts[TestPayments.ReceiptId] = ("http://localhost/paid", "RECEIPT_EXPIRED");
        var request = TestPayments.Get("/paid", P402HeaderNames.Receipt, TestPayments.ReceiptId);
        request.Headers.Add(P402HeaderNames.PaymentSignature, X402HeaderCodec.Encode(TestPayments.V2("http://localhost/paid")));

        var response = await Merchant.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(P402.ReceiptVerifications);
        Assert.Single(P402.SettleRequests);
    }
}
