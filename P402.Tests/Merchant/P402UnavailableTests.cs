using System.Net;
using P402.Merchant;

namespace P402.Tests.Merchant;

public sealed class P402UnreachableTests : MerchantTestBase
{
    private protected override HttpMessageHandler P402Handler() => new UnreachableHandler();

    [Fact]
    public async Task Paid_P402Unreachable_Answers503ProblemWithoutRunningTheHandler()
    {
        var response = await PayV2Async();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await BodyAsync(response);
        Assert.Equal(503, (int)problem["status"]!);
        Assert.Equal("Payment service unavailable", (string?)problem["title"]);
        Assert.DoesNotContain("   at ", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, Merchant.HandlerRuns);
    }

    [Fact]
    public async Task Paid_P402UnreachableForReceipt_Answers503()
    {
        var response = await SendAsync("/paid", P402HeaderNames.Receipt, TestPayments.ReceiptId);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, Merchant.HandlerRuns);
    }

    [Fact]
    public async Task Paid_NoPaymentWhileP402Unreachable_StillAnswers402()
    {
        var response = await SendAsync("/paid");

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
    }

    private sealed class UnreachableHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (p402.test:80)");
    }
}
