using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Facilitator;

/// <summary>A malformed /verify or /settle is the caller's bug: 400 problem+json with a requestId, never a 500, nothing sent.</summary>
public sealed class MalformedRequestTests(AnvilChainFixture chain, SharedApp shared) : IClassFixture<AnvilChainFixture>, IClassFixture<SharedApp>, IAsyncLifetime
{
    private const string AboveUint256 = "115792089237316195423570985008687907853269984665640564039457584007913129639936"; // 2^256

    private P402AppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = shared.For(chain);
        _client = _app.ClientFor(await _app.CreateMerchantAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string> RawBodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in new[] { "/verify", "/settle" })
        {
            data.Add(path, "");
            data.Add(path, "not json");
            data.Add(path, "{\"x402Version\":2,");
            data.Add(path, "[]");
            data.Add(path, "null");
            data.Add(path, "42");
            data.Add(path, "{}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RawBodies))]
    public async Task Post_BodyNotAFacilitatorRequest_BadRequestProblem(string path, string body)
    {
        using var response = await _client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertBadRequestAsync(response, settle: path == "/settle");
    }

    [Theory]
    [InlineData("/verify")]
    [InlineData("/settle")]
    public async Task Post_OneMegabyteBody_BadRequestProblem(string path)
    {
        var body = NewPayment(chain).V2();
        body["padding"] = new string('x', 1024 * 1024);
        using var response = await _client.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var problem = await AssertBadRequestAsync(response, settle: path == "/settle");
        Assert.Contains("64 KB", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/verify")]
    [InlineData("/settle")]
    public async Task Post_OneMegabyteChunkedBody_BadRequestProblem(string path)
    {
        var json = NewPayment(chain).V2();
        json["padding"] = new string('x', 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new UnsizedContent(Encoding.UTF8.GetBytes(json.ToJsonString())) };
        using var response = await _client.SendAsync(request);
        await AssertBadRequestAsync(response, settle: path == "/settle");
    }

    public static TheoryData<string, int, string, string?> Bends()
    {
        var data = new TheoryData<string, int, string, string?>();
        foreach (var path in new[] { "/verify", "/settle" })
        {
            // Missing fields (null removes the field).
            data.Add(path, 2, "paymentPayload", null);
            data.Add(path, 2, "paymentRequirements", null);
            data.Add(path, 2, "paymentPayload.payload", null);
            data.Add(path, 2, "paymentPayload.payload.signature", null);
            data.Add(path, 2, "paymentPayload.payload.authorization", null);
            data.Add(path, 2, "paymentPayload.payload.authorization.nonce", null);
            data.Add(path, 2, "paymentPayload.payload.authorization.from", null);
            data.Add(path, 2, "paymentPayload.accepted", null);
            data.Add(path, 2, "paymentRequirements.amount", null);
            data.Add(path, 2, "paymentRequirements.payTo", null);
            data.Add(path, 1, "paymentRequirements.maxAmountRequired", null);
            data.Add(path, 1, "paymentPayload.network", null);
            // Wrong types.
            data.Add(path, 2, "x402Version", "\"2\"");
            data.Add(path, 2, "paymentPayload.x402Version", "\"2\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.value", "10000");
            data.Add(path, 1, "paymentRequirements.maxAmountRequired", "10000");
            data.Add(path, 2, "paymentRequirements.maxTimeoutSeconds", "\"60\"");
            data.Add(path, 2, "paymentPayload.payload", "\"0x00\"");
            data.Add(path, 2, "paymentRequirements", "[]");
            // Hex and numbers out of shape.
            data.Add(path, 2, "paymentPayload.payload.authorization.nonce", "\"0x" + new string('1', 62) + "\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.nonce", "\"" + new string('1', 64) + "\"");
            data.Add(path, 2, "paymentPayload.payload.signature", "\"0x" + new string('2', 128) + "\"");
            data.Add(path, 2, "paymentPayload.payload.signature", "\"0xzz" + new string('2', 128) + "\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.from", "\"0x1234\"");
            data.Add(path, 2, "paymentRequirements.asset", "\"USDC\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.value", "\"" + AboveUint256 + "\"");
            data.Add(path, 2, "paymentRequirements.amount", "\"" + AboveUint256 + "\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.validBefore", "\"" + AboveUint256 + "\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.value", "\"-1\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.value", "\"1e6\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.value", "\"0x10\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.value", "\"\"");
            // Versions.
            data.Add(path, 2, "x402Version", "3");
            data.Add(path, 2, "paymentPayload.x402Version", "3");
            data.Add(path, 1, "x402Version", "2");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Bends))]
    public async Task Post_MalformedField_BadRequestProblemAndNothingSent(string path, int version, string field, string? json)
    {
        var payment = NewPayment(chain);
        var body = version == 1 ? payment.V1() : payment.V2();
        if (json is null)
        {
            Remove(body, field);
        }
        else
        {
            Set(body, field, JsonNode.Parse(json));
        }
        var nonce = await chain.TransactionCountAsync(chain.Chain.Facilitator.Address, BlockTag.Pending);

        using var response = await _client.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        await AssertBadRequestAsync(response, settle: path == "/settle");
        Assert.Equal(nonce, await chain.TransactionCountAsync(chain.Chain.Facilitator.Address, BlockTag.Pending));
    }

    [Fact]
    public async Task Post_NotJsonContentType_BadRequestProblem()
    {
        using var response = await _client.PostAsync("/verify", new StringContent(NewPayment(chain).V2().ToJsonString(), Encoding.UTF8, "text/plain"));
        await AssertBadRequestAsync(response, settle: false);
    }

    private static async Task<System.Text.Json.JsonElement> AssertBadRequestAsync(HttpResponseMessage response, bool settle)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal("INVALID_PAYLOAD", problem.GetProperty("reason").GetString());
        Assert.Equal("invalid_payload", problem.GetProperty(settle ? "errorReason" : "invalidReason").GetString());
        Assert.False(problem.GetProperty(settle ? "success" : "isValid").GetBoolean());
        return problem;
    }

    /// <summary>A body whose length is not announced, so only reading it reveals its size.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
