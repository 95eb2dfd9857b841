using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;

namespace P402.Tests.Chain.Rpc;

public sealed class JsonRpcClientTests(AnvilChainFixture anvil) : IClassFixture<AnvilChainFixture>, IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task CallAsync_ChainId_AnswersBase()
    {
        var result = await anvil.Client.CallAsync("eth_chainId");

        Assert.Equal("0x2105", result.GetString());
    }

    [Fact]
    public async Task CallAsync_UnknownMethod_ThrowsJsonRpcExceptionWithCode()
    {
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => anvil.Client.CallAsync("p402_noSuchMethod"));

        Assert.Equal(-32601, error.Code);
        Assert.Equal("p402_noSuchMethod", error.Method);
        Assert.False(error.IsExecutionReverted);
    }

    [Fact]
    public async Task CallAsync_RevertingCall_CarriesRevertData()
    {
        var transfer = Abi.EncodeCall(Abi.Selector("transfer(address,uint256)"),
            AbiValue.Address(EthKey.Generate().Address), AbiValue.Uint256(1));
        var call = new Dictionary<string, object?> { ["from"] = EthKey.Generate().Address, ["to"] = anvil.Usdc, ["data"] = transfer };

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => anvil.Client.CallAsync("eth_call", [call, BlockTag.Latest]));

        Assert.True(error.IsExecutionReverted);
        Assert.True(error.TryGetRevertData(out var data));
        Assert.True(Abi.TryDecodeRevertReason(data, out var reason));
        Assert.Equal("ERC20: transfer amount exceeds balance", reason);
    }

    [Fact]
    public async Task CallAsync_ClosedPort_ThrowsRpcUnavailable()
    {
        using var closed = BoundNotListening();
        var client = new JsonRpcClient(_http, new Uri($"http://127.0.0.1:{((IPEndPoint)closed.LocalEndPoint!).Port}/"));

        var error = await Assert.ThrowsAsync<RpcUnavailableException>(() => client.CallAsync("eth_chainId"));

        Assert.False(error.IsTimeout);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task CallAsync_NodeNeverAnswers_ThrowsRpcUnavailableAfterTimeout()
    {
        await using var silent = new RawHttpServer(null);
        var client = new JsonRpcClient(_http, silent.Url, TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<RpcUnavailableException>(() => client.CallAsync("eth_chainId"));

        Assert.True(error.IsTimeout);
    }

    [Fact]
    public async Task CallAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var silent = new RawHttpServer(null);
        var client = new JsonRpcClient(_http, silent.Url, TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CallAsync("eth_chainId", cancellationToken: cancellation.Token));
    }

    [Theory]
    [InlineData(503, "text/plain", "upstream down")]
    [InlineData(429, "application/json", "{\"message\":\"slow down\"}")]
    [InlineData(404, "text/html", "<html>not here</html>")]
    public async Task CallAsync_HttpErrorWithoutJsonRpcBody_ThrowsRpcUnavailableWithStatus(int status, string contentType, string body)
    {
        await using var server = new RawHttpServer(RawHttpServer.Response(status, contentType, body));
        var client = new JsonRpcClient(_http, server.Url);

        var error = await Assert.ThrowsAsync<RpcUnavailableException>(() => client.CallAsync("eth_chainId"));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
    }

    [Fact]
    public async Task CallAsync_HttpErrorWithJsonRpcError_ThrowsJsonRpcException()
    {
        const string body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"invalid params\"}}";
        await using var server = new RawHttpServer(RawHttpServer.Response(400, "application/json", body));
        var client = new JsonRpcClient(_http, server.Url);

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => client.CallAsync("eth_chainId"));

        Assert.Equal(-32602, error.Code);
        Assert.Equal("invalid params", error.RpcMessage);
    }

    [Fact]
    public async Task CallAsync_SuccessStatusWithHtml_ThrowsRpcUnavailable()
    {
        await using var server = new RawHttpServer(RawHttpServer.Response(200, "text/html", "<html>captive portal</html>"));
        var client = new JsonRpcClient(_http, server.Url);

        var error = await Assert.ThrowsAsync<RpcUnavailableException>(() => client.CallAsync("eth_chainId"));

        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task BatchAsync_MixedCalls_ReturnsAnswersInRequestOrder()
    {
        var payer = anvil.Chain.Payers[0].Address;
        JsonRpcRequest[] requests =
        [
            new("eth_chainId"),
            new("p402_noSuchMethod"),
            new("eth_getBalance", [payer, BlockTag.Latest]),
            new("eth_getTransactionReceipt", ["0x" + new string('0', 64)]),
            new("eth_blockNumber"),
        ];

        var responses = await anvil.Client.BatchAsync(requests);

        Assert.Equal(requests.Length, responses.Count);
        Assert.Equal("0x2105", responses[0].Result.GetString());
        Assert.True(responses[1].IsError);
        Assert.Equal(-32601, responses[1].Error!.Code);
        Assert.Throws<JsonRpcException>(() => responses[1].Result);
        Assert.Equal(await anvil.Rpc.GetBalanceAsync(payer), HexQuantity.Parse(responses[2].Result.GetString()));
        Assert.Equal(JsonValueKind.Null, responses[3].Result.ValueKind);
        Assert.Equal(await anvil.Rpc.BlockNumberAsync(), HexQuantity.ParseInt64(responses[4].Result.GetString()));
    }

    [Fact]
    public async Task BatchAsync_NoRequests_ReturnsEmptyWithoutCallingNode()
    {
        using var closed = BoundNotListening();
        var client = new JsonRpcClient(_http, new Uri($"http://127.0.0.1:{((IPEndPoint)closed.LocalEndPoint!).Port}/"));

        Assert.Empty(await client.BatchAsync([]));
    }

    /// <summary>
    /// A loopback port bound but not listening: connecting to it is refused, and while the socket is
    /// open no other process (an anvil another test starts, say) can take the port.
    /// </summary>
    private static Socket BoundNotListening()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}
