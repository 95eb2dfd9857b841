using System.Net;
using System.Numerics;
using System.Text;
using P402.Core.Chain;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Chain.Signers;
using P402.Tests.Infrastructure;

namespace P402.Tests.Chain;

public sealed class PaymentNetworkTokenStateTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>
{
    private static readonly EthAddress PayTo = EthAddress.Parse("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65");

    [Fact]
    public async Task ReadTokenState_ValidAuthorization_OneEstimateAnswers_ItsGasIsTheSettlementsEstimate()
    {
        using var node = new CountingNode(refuseBatches: false);
        var network = Network(node);
        var payer = EthKey.Parse(DevAccounts.Payers[0].PrivateKey);
        var (authorization, signature) = Sign(payer);

        var state = await network.ReadTokenStateAsync(chain.Usdc, authorization, signature, Simulation.EstimateGas, CancellationToken.None);

        Assert.Equal((false, (BigInteger?)null, (string?)null), (state.AuthorizationUsed, state.Balance, state.SimulationRevert));
        var direct = await chain.Rpc.EstimateGasAsync(chain.Usdc, TokenCalls.TransferWithAuthorization(authorization, signature), DevAccounts.Facilitator.Address);
        Assert.Equal(direct, state.GasEstimate);
        Assert.Equal((0, 1, 0), (node.Batches, node.SingleCalls("eth_estimateGas"), node.SingleCalls("eth_call")));
    }

    [Fact]
    public async Task ReadTokenState_ForVerify_OneEthCallAnswers_NoEstimateAsked()
    {
        using var node = new CountingNode(refuseBatches: false);
        var (authorization, signature) = Sign(EthKey.Parse(DevAccounts.Payers[0].PrivateKey));

        var state = await Network(node).ReadTokenStateAsync(chain.Usdc, authorization, signature, Simulation.Call, CancellationToken.None);

        Assert.Equal((false, (BigInteger?)null, (string?)null, (long?)null), (state.AuthorizationUsed, state.Balance, state.SimulationRevert, state.GasEstimate));
        Assert.Equal((0, 0, 1), (node.Batches, node.SingleCalls("eth_estimateGas"), node.SingleCalls("eth_call")));
    }

    [Fact]
    public async Task ReadTokenState_ForVerify_SimulationReverts_SameAnswerAsTheSettlementsSimulation()
    {
        using var node = new CountingNode(refuseBatches: false);
        var payer = EthKey.Parse(DevAccounts.Payers[1].PrivateKey);
        var (authorization, _) = Sign(payer);
        var (_, wrongSignature) = Sign(EthKey.Generate(), authorization);
        var network = Network(node);

        var forVerify = await network.ReadTokenStateAsync(chain.Usdc, authorization, wrongSignature, Simulation.Call, CancellationToken.None);
        var forSettlement = await network.ReadTokenStateAsync(chain.Usdc, authorization, wrongSignature, Simulation.EstimateGas, CancellationToken.None);

        Assert.NotNull(forVerify.SimulationRevert);
        Assert.Equal(forSettlement, forVerify);
    }

    [Fact]
    public async Task ReadTokenState_SimulationReverts_ReplayStateAndBalanceReadInOneBatch()
    {
        using var node = new CountingNode(refuseBatches: false);
        var payer = EthKey.Parse(DevAccounts.Payers[1].PrivateKey);
        var (authorization, _) = Sign(payer);
        var (_, wrongSignature) = Sign(EthKey.Generate(), authorization);

        var state = await Network(node).ReadTokenStateAsync(chain.Usdc, authorization, wrongSignature, Simulation.EstimateGas, CancellationToken.None);

        Assert.NotNull(state.SimulationRevert);
        Assert.Null(state.GasEstimate);
        Assert.Equal((false, (BigInteger?)await chain.BalanceOfUsdcAsync(payer.Address)), (state.AuthorizationUsed, state.Balance));
        Assert.Equal((1, 1, 0), (node.Batches, node.SingleCalls("eth_estimateGas"), node.SingleCalls("eth_call")));
    }

    [Fact]
    public async Task ReadTokenState_NodeRefusesBatches_AsksCallByCallFromThenOnWithTheSameAnswer()
    {
        using var batching = new CountingNode(refuseBatches: false);
        using var refusing = new CountingNode(refuseBatches: true);
        var (authorization, _) = Sign(EthKey.Parse(DevAccounts.Payers[1].PrivateKey));
        var (_, wrongSignature) = Sign(EthKey.Generate(), authorization);
        var expected = await Network(batching).ReadTokenStateAsync(chain.Usdc, authorization, wrongSignature, Simulation.EstimateGas, CancellationToken.None);
        var network = Network(refusing);

        var first = await network.ReadTokenStateAsync(chain.Usdc, authorization, wrongSignature, Simulation.EstimateGas, CancellationToken.None);
        var second = await network.ReadTokenStateAsync(chain.Usdc, authorization, wrongSignature, Simulation.EstimateGas, CancellationToken.None);

        Assert.NotNull(expected.Balance);
        Assert.Equal(expected, first);
        Assert.Equal(expected, second);
        Assert.Equal((1, 4), (refusing.Batches, refusing.SingleCalls("eth_call")));
    }

    [Fact]
    public async Task ReadTokenState_SignatureOfAnotherKey_BatchAndSingleCallsReportTheSameRevert()
    {
        using var batching = new CountingNode(refuseBatches: false);
        using var refusing = new CountingNode(refuseBatches: true);
        var payer = EthKey.Parse(DevAccounts.Payers[2].PrivateKey);
        var (authorization, _) = Sign(payer);
        var (_, wrongSignature) = Sign(EthKey.Generate(), authorization);

        var batched = await Network(batching).ReadTokenStateAsync(chain.Usdc, authorization, wrongSignature, Simulation.EstimateGas, CancellationToken.None);
        var single = await Network(refusing).ReadTokenStateAsync(chain.Usdc, authorization, wrongSignature, Simulation.EstimateGas, CancellationToken.None);

        Assert.NotNull(batched.SimulationRevert);
        Assert.Equal(single, batched);
    }

    [Fact]
    public async Task ReadTokenState_ValidSinceAfterTheLastBlock_SimulatesAtTheNextBlockAndPasses()
    {
        using var node = new CountingNode(refuseBatches: false);
        await chain.MineAsync();
        var lastBlock = await chain.Client.CallAsync("eth_getBlockByNumber", [BlockTag.Latest, false]);
        var lastBlockTime = RpcJson.Int64(lastBlock.GetProperty("timestamp"));
        // The revert below is asked of this very block: a block mined meanwhile by anyone else changes nothing.
        var lastBlockNumber = lastBlock.GetProperty("number").GetString()!;
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() < lastBlockTime + 2)
        {
            await Task.Delay(100);
        }
        var payer = EthKey.Parse(DevAccounts.Payers[0].PrivateKey);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var (authorization, signature) = Sign(payer, new TransferAuthorization(payer.Address, PayTo, new BigInteger(10_000), lastBlockTime + 1, now + 600,
            System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

        var state = await Network(node).ReadTokenStateAsync(chain.Usdc, authorization, signature, Simulation.EstimateGas, CancellationToken.None);

        Assert.Null(state.SimulationRevert);
        var atLastBlock = await Assert.ThrowsAsync<ContractRevertException>(() => chain.Rpc.CallAsync(chain.Usdc,
            TokenCalls.TransferWithAuthorization(authorization, signature), DevAccounts.Facilitator.Address, lastBlockNumber));
        Assert.Contains("not yet valid", atLastBlock.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadTokenState_NodeRefusesThePendingBlock_AsksAboutTheLatestFromThenOn(bool refuseBatches)
    {
        using var node = new CountingNode(refuseBatches, refusePending: true);
        var network = Network(node);
        var (authorization, signature) = Sign(EthKey.Parse(DevAccounts.Payers[0].PrivateKey));

        var first = await network.ReadTokenStateAsync(chain.Usdc, authorization, signature, Simulation.EstimateGas, CancellationToken.None);
        var pendingAsked = node.PendingRequests;
        var second = await network.ReadTokenStateAsync(chain.Usdc, authorization, signature, Simulation.EstimateGas, CancellationToken.None);

        Assert.Equal((false, (BigInteger?)null, (string?)null), (first.AuthorizationUsed, first.Balance, first.SimulationRevert));
        Assert.NotNull(first.GasEstimate);
        Assert.Equal(first, second);
        Assert.True(pendingAsked > 0);
        Assert.Equal(pendingAsked, node.PendingRequests); // the second read never asked about the pending block
    }

    private PaymentNetwork Network(CountingNode node)
    {
        var options = NetworkOptions.BaseMainnet();
        options.RpcUrl = chain.RpcUrl.ToString();
        var rpc = new EthereumRpc(new JsonRpcClient(node.Http, chain.RpcUrl));
        return new PaymentNetwork(options, rpc, [EthKey.Parse(DevAccounts.Facilitator.PrivateKey)], new ChainOptions(), new SingleInstanceSignerLeases(), TimeProvider.System);
    }

    private static (TransferAuthorization, EcdsaSignature) Sign(EthKey signer, TransferAuthorization? authorization = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        authorization ??= new TransferAuthorization(signer.Address, PayTo, new BigInteger(10_000), now - 600, now + 600,
            System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var domain = Eip712.DomainSeparator("USD Coin", "2", P402.Core.Chain.DevChain.DevChain.BaseChainId, P402.Core.Chain.DevChain.DevChain.BaseUsdcAddress);
        return (authorization, signer.Sign(Eip712.Digest(domain, Eip712.TransferWithAuthorizationStructHash(authorization))));
    }

    /// <summary>
    /// Passes JSON-RPC to anvil, counting requests; optionally answers every batch as a node that refuses
    /// them, and every request about the pending block as a node that does not serve it.
    /// </summary>
    private sealed class CountingNode(bool refuseBatches, bool refusePending = false) : DelegatingHandler(new SocketsHttpHandler()), IDisposable
    {
        private readonly List<string> _singles = [];

        public int PendingRequests { get; private set; }

        public HttpClient Http => field ??= new HttpClient(this, disposeHandler: false);

        public int Batches { get; private set; }

        public int SingleCalls(string method)
        {
            lock (_singles)
            {
                return _singles.Count(body => body.Contains($"\"method\":\"{method}\"", StringComparison.Ordinal));
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            if (refusePending && body.Contains("\"pending\"", StringComparison.Ordinal))
            {
                lock (_singles)
                {
                    PendingRequests++;
                }
                if (!body.TrimStart().StartsWith('[') || !refuseBatches)
                {
                    return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(PendingRefused(body), Encoding.UTF8, "application/json") };
                }
            }
            if (body.TrimStart().StartsWith('['))
            {
                lock (_singles)
                {
                    Batches++;
                }
                if (refuseBatches)
                {
                    return new HttpResponseMessage(HttpStatusCode.OK)
                    {
                        Content = new StringContent("""{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch requests are not supported"}}""", Encoding.UTF8, "application/json"),
                    };
                }
            }
            else
            {
                lock (_singles)
                {
                    _singles.Add(body);
                }
            }
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            return await base.SendAsync(request, cancellationToken);
        }

        /// <summary>A per-request error for each request of the body (one object, or a batch array).</summary>
        private static string PendingRefused(string body)
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            static string Error(System.Text.Json.JsonElement request) =>
                $$$"""{"jsonrpc":"2.0","id":{{{request.GetProperty("id").GetRawText()}}},"error":{"code":-32602,"message":"unsupported block tag: pending"}}""";
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array
                ? "[" + string.Join(",", document.RootElement.EnumerateArray().Select(Error)) + "]"
                : Error(document.RootElement);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Http.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
