using P402.Core.Chain;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Benchmarks.Load;

/// <summary>
/// anvil alone: the three eth_calls one /verify makes (authorizationState, balanceOf, the simulated
/// transferWithAuthorization), sent in parallel as P402 does, or as one JSON-RPC batch with --batch.
/// Run at the same concurrency as /verify, it bounds what the node costs a verify.
/// </summary>
internal sealed class AnvilCallsScenario(BenchPayments payments, Uri rpcUrl, bool batch) : ILoadScenario
{
    private const int PoolSize = 1024;
    private (TransferAuthorization Authorization, EcdsaSignature Signature)[] _pool = [];
    private long _next;
    private JsonRpcClient _client = null!;
    private EthereumRpc _rpc = null!;

    public Task PrepareAsync(HttpClient http, TextWriter output, CancellationToken cancellationToken)
    {
        _pool = [.. Enumerable.Range(0, PoolSize).Select(payments.Sign)];
        _client = new JsonRpcClient(http, rpcUrl);
        _rpc = new EthereumRpc(_client);
        return Task.CompletedTask;
    }

    public async Task<string> SendAsync(HttpClient http, int worker, CancellationToken cancellationToken)
    {
        var (authorization, signature) = _pool[Interlocked.Increment(ref _next) % PoolSize];
        var token = DevChain.BaseUsdcAddress;
        var simulation = TokenCalls.TransferWithAuthorization(authorization, signature);
        if (batch)
        {
            var answers = await _client.BatchAsync(
            [
                Call(token, TokenCalls.AuthorizationState(authorization.From, authorization.Nonce), null),
                Call(token, TokenCalls.BalanceOf(authorization.From), null),
                Call(token, simulation, DevAccounts.Facilitator.Address),
            ], cancellationToken: cancellationToken);
            return answers.All(a => a.Error is null) ? PhaseResult.Ok : "eth_call error";
        }
        try
        {
            await Task.WhenAll(
                _rpc.CallAsync(token, TokenCalls.AuthorizationState(authorization.From, authorization.Nonce), cancellationToken: cancellationToken),
                _rpc.CallAsync(token, TokenCalls.BalanceOf(authorization.From), cancellationToken: cancellationToken),
                _rpc.CallAsync(token, simulation, DevAccounts.Facilitator.Address, cancellationToken: cancellationToken));
            return PhaseResult.Ok;
        }
        catch (Exception e) when (e is ContractRevertException or JsonRpcException or RpcUnavailableException)
        {
            return e.GetType().Name;
        }
    }

    public Task CheckAsync(HttpClient http, long succeeded, TextWriter output, CancellationToken cancellationToken) => Task.CompletedTask;

    private static JsonRpcRequest Call(EthAddress to, byte[] data, EthAddress? from)
    {
        var call = new Dictionary<string, object?> { ["to"] = to, ["data"] = data };
        if (from is { } sender)
        {
            call["from"] = sender;
        }
        return new JsonRpcRequest("eth_call", [call, BlockTag.Latest]);
    }
}
