using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using P402.Merchant;

namespace P402.Tests.Merchant;

public sealed class P402ClientTests
{
    private const string Key = "p402_live_SuperSecretKeyMaterial0123456789";

    [Fact]
    public async Task GetReceipt_ProblemAnswer_ThrowsApiExceptionWithProblemFields()
    {
        var handler = new StubHandler(HttpStatusCode.NotFound,
            """{"type":"https://p402.dev/problems/not-found","title":"Not Found","status":404,"detail":"No receipt rcpt_X.","requestId":"req_123"}""",
            "application/problem+json");
        var client = CreateClient(handler);

        var e = await Assert.ThrowsAsync<P402ApiException>(() => client.GetReceiptAsync("rcpt_X"));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal(("https://p402.dev/problems/not-found", "Not Found", "No receipt rcpt_X.", "req_123"), (e.ProblemType, e.Title, e.Detail, e.RequestId));
        Assert.Contains("404", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, e.ToString(), StringComparison.Ordinal);
        Assert.Equal("Bearer " + Key, handler.Last!.Headers.Authorization!.ToString());
        Assert.Equal("http://p402.test/base/api/v1/receipts/rcpt_X", handler.Last.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task IssueReceipt_ValidationProblem_ExposesFieldErrors()
    {
        var client = CreateClient(new StubHandler(HttpStatusCode.BadRequest,
            """{"title":"Invalid request","status":400,"errors":{"ttlSeconds":["Must be positive."]},"requestId":"req_4"}"""));

        var e = await Assert.ThrowsAsync<P402ApiException>(() => client.IssueReceiptAsync(new IssueReceiptRequest { TtlSeconds = -1 }));

        Assert.Equal(["Must be positive."], e.Errors["ttlSeconds"]);
    }

    [Fact]
    public async Task Verify_SuccessBodyNotJson_ThrowsApiExceptionNotJsonException()
    {
        var client = CreateClient(new StubHandler(HttpStatusCode.OK, "<html>proxy error</html>"));
        var request = new VerifyRequest { X402Version = 1, PaymentPayload = TestPayments.V1(), PaymentRequirements = TestPayments.Accepted() };

        var e = await Assert.ThrowsAsync<P402ApiException>(() => client.VerifyAsync(request));

        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
    }

    [Fact]
    public async Task VerifyReceipt_Refusal_IsAValueAndTheResourceIsEscaped()
    {
        var handler = new StubHandler(HttpStatusCode.OK, """{"valid":false,"reason":"RECEIPT_REVOKED","message":"Revoked.","requestId":"req_5"}""");
        var client = CreateClient(handler);

        var answer = await client.VerifyReceiptAsync("rcpt_1", new Uri("https://shop.example/paid?a=1&b=2"));

        Assert.False(answer.Valid);
        Assert.Equal("RECEIPT_REVOKED", answer.Reason);
        Assert.Equal("/base/api/v1/receipts/rcpt_1/verify?resource=https%3A%2F%2Fshop.example%2Fpaid%3Fa%3D1%26b%3D2",
            handler.Last!.RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task ListSettlements_NumbersOrStrings_ReadsAmountsAsStrings()
    {
        var handler = new StubHandler(HttpStatusCode.OK, """
            {"items":[{"id":"stl_1","status":"Confirmed","value":10000,"effectiveGasPrice":"1000000","blockNumber":12,
              "createdAt":"2026-11-24T10:00:00Z"}],"page":2,"pageSize":10,"total":11,"requestId":"req_6"}
            """);
        var client = CreateClient(handler);

        var page = await client.ListSettlementsAsync(new SettlementQuery { Status = "Confirmed", Page = 2, PageSize = 10 });

        var settlement = Assert.Single(page.Items);
        Assert.Equal(("10000", "1000000", 12L), (settlement.Value, settlement.EffectiveGasPrice, settlement.BlockNumber));
        Assert.Equal((2, 10, 11L), (page.Page, page.PageSize, page.Total));
        Assert.Equal("?status=Confirmed&page=2&pageSize=10", handler.Last!.RequestUri!.Query);
    }

    [Fact]
    public async Task Settle_WithReceiptRequest_SendsCamelCaseBodyWithoutNulls()
    {
        var handler = new StubHandler(HttpStatusCode.OK, """{"success":true,"transaction":"0xab","network":"base","payer":"0x1"}""");
        var client = CreateClient(handler);

        var answer = await client.SettleAsync(new SettleRequest
        {
            X402Version = 1, PaymentPayload = TestPayments.V1(), PaymentRequirements = TestPayments.Accepted(), Receipt = new ReceiptRequest(300),
        });

        Assert.True(answer.Success);
        Assert.Contains("\"x402Version\":1", handler.LastBody, StringComparison.Ordinal);
        Assert.Contains("\"receipt\":{\"ttlSeconds\":300}", handler.LastBody, StringComparison.Ordinal);
        Assert.Contains("\"maxTimeoutSeconds\":60", handler.LastBody, StringComparison.Ordinal);
        Assert.DoesNotContain("null", handler.LastBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, Key)]
    [InlineData("http://p402.test/", null)]
    [InlineData("http://p402.test/", "sk_live_notP402")]
    [InlineData("ftp://p402.test/", Key)]
    public async Task AddP402Client_InvalidOptions_FailsAtStartWithoutShowingTheKey(string? url, string? key)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddP402Client(o =>
        {
            o.BaseUrl = url is null ? null : new Uri(url);
            o.ApiKey = key;
        });
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.DoesNotContain(Key, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("notP402", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ToString_MasksTheKey()
    {
        var options = new P402ClientOptions { BaseUrl = new Uri("https://p402.example/"), ApiKey = Key };

        Assert.Contains("p402_live_***", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, options.ToString(), StringComparison.Ordinal);
    }

    private static IP402Client CreateClient(StubHandler handler)
    {
        var services = new ServiceCollection();
        services.AddP402Client(o =>
        {
            o.BaseUrl = new Uri("http://p402.test/base");
            o.ApiKey = Key;
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider().GetRequiredService<IP402Client>();
    }

    private sealed class StubHandler(HttpStatusCode status, string body, string mediaType = "application/json") : HttpMessageHandler
    {
        public HttpRequestMessage? Last { get; private set; }

        public string LastBody { get; private set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = request;
            LastBody = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        }
    }
}
