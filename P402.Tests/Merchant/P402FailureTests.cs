using System.Net;

namespace P402.Tests.Merchant;

public sealed class P402FailureTests : MerchantTestBase
{
    [Theory]
    [InlineData(500)]
    [InlineData(401)]
    public async Task Paid_P402AnswersError_Answers503WithP402RequestId(int status)
    {
        P402.FailWithStatus = status;

        var response = await PayV2Async();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("req_fake", (string?)(await BodyAsync(response))["p402RequestId"]);
        Assert.Equal(0, Merchant.HandlerRuns);
    }

    [Fact]
    public async Task Paid_SettleCallFails_Answers503AndDoesNotSendTheHandlersBody()
    {
        P402.FailWithStatus = 502;
        P402.FailOnlyPath = "/settle";

        var response = await PayV2Async();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain(MerchantApp.Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, Merchant.HandlerRuns);
    }
}
