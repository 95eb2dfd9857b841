using Nethereum.JsonRpc.Client;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;

namespace P402.Tests.Chain.Rpc;

/// <summary>
/// What <see cref="JsonRpcClient"/> does beneath Nethereum's <see cref="RpcClient"/> where Nethereum 6.1 would
/// answer otherwise: a batch call left unanswered, a batch refused with a 4xx, one HttpClient for two
/// endpoints, a per-call timeout that is not Nethereum's process-wide one, an answer with neither result nor error.
/// </summary>
public sealed class JsonRpcClientSeamTests(AnvilChainFixture anvil) : IClassFixture<AnvilChainFixture>, IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task BatchAsync_NodeLeavesACallUnanswered_ThrowsRpcUnavailable()
    {
        // A fresh client numbers its first batch 1, 2: the node answers 1 only.
        await using var server = new RawHttpServer(RawHttpServer.Response(200, "application/json", """[{"jsonrpc":"2.0","id":1,"result":"0x1"}]"""));
        var client = new JsonRpcClient(_http, server.Url);

        var error = await Assert.ThrowsAsync<RpcUnavailableException>(() => client.BatchAsync([new("eth_chainId"), new("eth_blockNumber")]));

        Assert.Equal("eth_blockNumber", error.Method);
    }

    [Fact]
    public async Task BatchAsync_AnswerWithAStrangerId_ThrowsRpcUnavailable()
    {
        await using var server = new RawHttpServer(RawHttpServer.Response(200, "application/json",
            """[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":99,"result":"0x2"}]"""));
        var client = new JsonRpcClient(_http, server.Url);

        await Assert.ThrowsAsync<RpcUnavailableException>(() => client.BatchAsync([new("eth_chainId"), new("eth_blockNumber")]));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    public async Task BatchAsync_NodeRefusesBatches_ThrowsJsonRpcExceptionForTheBatch(int status)
    {
        await using var server = new RawHttpServer(RawHttpServer.Response(status, "application/json",
            """{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch requests are not supported"}}"""));
        var client = new JsonRpcClient(_http, server.Url);

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => client.BatchAsync([new("eth_chainId"), new("eth_blockNumber")]));

        Assert.Equal(-32600, error.Code);
        Assert.Equal("batch", error.Method);
    }

    [Fact]
    public async Task CallAsync_OneHttpClientForTwoEndpoints_EachClientAsksItsOwn()
    {
        await using var other = new RawHttpServer(RawHttpServer.Response(200, "application/json", """{"jsonrpc":"2.0","id":1,"result":"0x1"}"""));
        var toAnvil = new JsonRpcClient(_http, anvil.Chain.RpcUrl);
        var toOther = new JsonRpcClient(_http, other.Url);

        Assert.Equal("0x2105", (await toAnvil.CallAsync("eth_chainId")).GetString());
        Assert.Equal("0x1", (await toOther.CallAsync("eth_chainId")).GetString());
        Assert.Equal("0x2105", (await toAnvil.CallAsync("eth_chainId")).GetString());
        Assert.Null(_http.BaseAddress);
    }

    [Fact]
    public async Task CallAsync_OwnTimeout_AppliesAndLeavesNethereumsStaticAlone()
    {
        // Nethereum's ClientBase.ConnectionTimeout is process-wide; a P402 call keeps its own.
        var before = ClientBase.ConnectionTimeout;
        Assert.Equal(TimeSpan.FromSeconds(20), before);
        await using var silent = new RawHttpServer(null);
        var client = new JsonRpcClient(_http, silent.Url, TimeSpan.FromMilliseconds(400));

        var error = await Assert.ThrowsAsync<RpcUnavailableException>(() => client.CallAsync("eth_chainId"));

        Assert.True(error.IsTimeout);
        Assert.Contains("0.4 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, ClientBase.ConnectionTimeout);
    }

    [Fact]
    public async Task CallAsync_SuccessStatusWithAnswerMissingResultAndError_ThrowsRpcUnavailable()
    {
        await using var server = new RawHttpServer(RawHttpServer.Response(200, "application/json", """{"jsonrpc":"2.0","id":1}"""));
        var client = new JsonRpcClient(_http, server.Url);

        var error = await Assert.ThrowsAsync<RpcUnavailableException>(() => client.CallAsync("eth_chainId"));

        Assert.Null(error.StatusCode);
        Assert.Contains("neither result nor error", error.Message, StringComparison.Ordinal);
    }
}
