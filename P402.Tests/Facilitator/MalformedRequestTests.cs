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
    private P402AppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = shared.For(chain);
        _client = _app.ClientFor(await _app.CreateMerchantAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(MalformedBodies.Raw), MemberType = typeof(MalformedBodies))]
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

    [Theory]
    [MemberData(nameof(MalformedBodies.Bends), MemberType = typeof(MalformedBodies))]
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
}
