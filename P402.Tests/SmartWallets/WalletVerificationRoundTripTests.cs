using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using P402.Core.Chain;
using P402.Core.Chain.Signers;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Merchants;
using P402.Core.Payments;
using P402.Core.Payments.Signatures;
using P402.Tests.Infrastructure;

namespace P402.Tests.SmartWallets;

/// <summary>
/// A contract-wallet verify asks the node once: one JSON-RPC batch (plus the cached gas price, as for an EOA),
/// deployed or counterfactual; a node that refuses batches gets the same calls one by one and gives the same verdict;
/// a node that refuses the pending block is asked about the latest one, as for an EOA.
/// </summary>
public sealed class WalletVerificationRoundTripTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Verify_SmartAccount_OneBatchedRoundTripForEveryRead(bool counterfactual)
    {
        var (payment, signature) = await PaymentAsync(counterfactual);
        using var node = new CountingNode(refuseBatches: false);

        var verdict = await WalletVerification.VerifyAsync(Network(node), payment, signature, new MerchantSettings(), CancellationToken.None);

        Assert.True(verdict.IsValid, verdict.Message);
        Assert.Equal(counterfactual ? PayerKind.DeployedBySettlement : PayerKind.ContractWallet, verdict.PayerKind);
        Assert.Equal((1, 0), (node.Batches, node.Singles("eth_call") + node.Singles("eth_getCode")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Verify_NodeRefusingBatches_SameVerdictFromSingleCalls(bool counterfactual)
    {
        var (payment, signature) = await PaymentAsync(counterfactual);
        var (_, corrupted) = await PaymentAsync(counterfactual, corrupt: true);
        using var batching = new CountingNode(refuseBatches: false);
        using var refusing = new CountingNode(refuseBatches: true);

        var refusingNetwork = Network(refusing);
        var good = await WalletVerification.VerifyAsync(refusingNetwork, payment, signature, new MerchantSettings(), CancellationToken.None);
        var asked = refusing.Singles("eth_call") + refusing.Singles("eth_getCode");
        var badBatched = await WalletVerification.VerifyAsync(Network(batching), payment, corrupted, new MerchantSettings(), CancellationToken.None);
        var badSingle = await WalletVerification.VerifyAsync(refusingNetwork, payment, corrupted, new MerchantSettings(), CancellationToken.None);

        Assert.True(good.IsValid, good.Message);
        Assert.Equal(5, asked);
        Assert.Equal(PaymentCode.InvalidSignature, badBatched.Code);
        Assert.Equal(badBatched, badSingle);
        Assert.Equal(1, refusing.Batches); // refused once, then asked call by call without trying again
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task Verify_NodeRefusingThePendingBlock_AsksAboutTheLatestFromThenOn(bool counterfactual, bool refuseBatches)
    {
        var (payment, signature) = await PaymentAsync(counterfactual);
        var (_, corrupted) = await PaymentAsync(counterfactual, corrupt: true);
        using var node = new CountingNode(refuseBatches, refusePending: true);
        var network = Network(node);

        var first = await WalletVerification.VerifyAsync(network, payment, signature, new MerchantSettings(), CancellationToken.None);
        var pendingAsked = node.PendingRequests;
        var second = await WalletVerification.VerifyAsync(network, payment, signature, new MerchantSettings(), CancellationToken.None);
        var bad = await WalletVerification.VerifyAsync(network, payment, corrupted, new MerchantSettings(), CancellationToken.None);

        Assert.True(first.IsValid, $"{first.Code}: {first.Message}");
        Assert.Equal(first, second);
        Assert.Equal(PaymentCode.InvalidSignature, bad.Code);
        Assert.True(pendingAsked > 0);
        Assert.Equal(pendingAsked, node.PendingRequests); // after the first refusal, never the pending block again
        Assert.Equal(BlockTag.Latest, network.VerifyBlock);
    }

    /// <summary>A payment from a new account; <paramref name="corrupt"/> flips a byte of the owner's signature (inside the wrapper, if any).</summary>
    private async Task<(ParsedPayment, PaymentSignature)> PaymentAsync(bool counterfactual, bool corrupt = false)
    {
        var account = counterfactual ? await chain.NewSmartAccountAsync(EthKey.Generate()) : await chain.NewDeployedSmartAccountAsync(EthKey.Generate(), 100_000);
        if (counterfactual)
        {
            await chain.MintUsdcAsync(account.Address, 100_000);
        }
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var authorization = new TransferAuthorization(account.Address, EthKey.Generate().Address, new BigInteger(10_000), now - 600, now + 600, RandomNumberGenerator.GetBytes(32));
        var domain = Eip712.DomainSeparator("USD Coin", "2", DevChain.BaseChainId, DevChain.BaseUsdcAddress);
        var nested = account.SignNested(domain, Eip712.TransferWithAuthorizationStructHash(authorization));
        if (corrupt)
        {
            nested[10] ^= 0xff;
        }
        var bytes = counterfactual ? account.Wrap6492(nested) : nested;
        var payment = new ParsedPayment
        {
            X402Version = 2, PayloadScheme = "exact", PayloadNetwork = "eip155:8453", Scheme = "exact", Network = "eip155:8453",
            Amount = authorization.Value, Asset = chain.Usdc, PayTo = authorization.To, Authorization = authorization, Signature = bytes,
        };
        return (payment, PaymentSignature.Classify(bytes, out _)!);
    }

    private PaymentNetwork Network(CountingNode node)
    {
        var options = NetworkOptions.BaseMainnet();
        options.RpcUrl = chain.RpcUrl.ToString();
        options.WalletFactories = [DevSmartWallets.Factory.ToString()];
        return new PaymentNetwork(options, new EthereumRpc(new JsonRpcClient(node.Http, chain.RpcUrl)), [EthKey.Parse(DevAccounts.Facilitator.PrivateKey)], new ChainOptions(), new SingleInstanceSignerLeases(), TimeProvider.System);
    }

    /// <summary>
    /// Passes JSON-RPC to anvil, counting batches and single requests; optionally refuses batches as some providers do,
    /// and answers every request about the pending block as a node that does not serve it (an error per request).
    /// </summary>
    private sealed class CountingNode(bool refuseBatches, bool refusePending = false) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _pending;

        private readonly List<string> _singles = [];
        private int _batches;

        public HttpClient Http => field ??= new HttpClient(this, disposeHandler: false);

        public int Batches => Volatile.Read(ref _batches);

        public int PendingRequests => Volatile.Read(ref _pending);

        public int Singles(string method)
        {
            lock (_singles)
            {
                return _singles.Count(body => body.Contains($"\"method\":\"{method}\"", StringComparison.Ordinal));
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var batch = body.TrimStart().StartsWith('[');
            if (refusePending && body.Contains("\"pending\"", StringComparison.Ordinal) && !(batch && refuseBatches))
            {
                Interlocked.Increment(ref _pending);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(PendingRefused(body), Encoding.UTF8, "application/json") };
            }
            if (batch)
            {
                Interlocked.Increment(ref _batches);
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
