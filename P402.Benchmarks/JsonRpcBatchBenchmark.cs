using BenchmarkDotNet.Attributes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Eth.Transactions;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Benchmarks;

/// <summary>
/// The client side of a verify's three reads as one JSON-RPC batch: writing the request, reading the
/// answers, decoding the two ABI words. P402's <see cref="JsonRpcClient"/> against Nethereum's
/// <see cref="RpcClient"/> with <c>SendBatchRequestAsync</c>, both on an in-memory node (client CPU only).
/// </summary>
[MemoryDiagnoser]
public class JsonRpcBatchBenchmark
{
    private const string Zero = "0x0000000000000000000000000000000000000000000000000000000000000000";
    private const string Balance = "0x00000000000000000000000000000000000000000000000000000000000f4240";
    private static readonly Uri Node = new("http://node.invalid/");
    private static readonly EthAddress Usdc = EthAddress.Parse("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913");
    private static readonly EthAddress Facilitator = EthAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    private JsonRpcClient _p402 = null!;
    private RpcClient _nethereum = null!;
    private byte[][] _calls = [];

    [GlobalSetup]
    public void Setup()
    {
        _p402 = new JsonRpcClient(new HttpClient(new CannedNodeHandler(Zero, Balance, "0x")), Node);
        _nethereum = new RpcClient(Node, new HttpClient(new CannedNodeHandler(Zero, Balance, "0x")));
        var key = EthKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        var authorization = new TransferAuthorization(key.Address, Facilitator, 10000, 0, 1900000000, new byte[32]);
        var signature = key.Sign(new byte[32]);
        _calls =
        [
            TokenCalls.AuthorizationState(authorization.From, authorization.Nonce),
            TokenCalls.BalanceOf(authorization.From),
            TokenCalls.TransferWithAuthorization(authorization, signature),
        ];
    }

    [Benchmark(Baseline = true, Description = "verify batch (P402 JsonRpcClient)")]
    public async Task<bool> P402Batch()
    {
        var answers = await _p402.BatchAsync(
        [
            P402Call(_calls[0], null),
            P402Call(_calls[1], null),
            P402Call(_calls[2], Facilitator),
        ]);
        return !Abi.DecodeBool(Hex.Decode(answers[0].Result.GetString())) && Abi.DecodeUint256(Hex.Decode(answers[1].Result.GetString())) > 0
            && answers[2].Error is null;
    }

    [Benchmark(Description = "verify batch (Nethereum RpcClient)")]
    public async Task<bool> NethereumBatch()
    {
        var ethCall = new EthCall(_nethereum);
        var pending = BlockParameter.CreatePending();
        var batch = new RpcRequestResponseBatch { AcceptPartiallySuccessful = true };
        var used = ethCall.CreateBatchItem(new CallInput(Hex.Encode(_calls[0]), Usdc.ToLowerHex()), pending, 1);
        var balance = ethCall.CreateBatchItem(new CallInput(Hex.Encode(_calls[1]), Usdc.ToLowerHex()), pending, 2);
        var simulation = ethCall.CreateBatchItem(new CallInput(Hex.Encode(_calls[2]), Usdc.ToLowerHex()) { From = Facilitator.ToLowerHex() }, pending, 3);
        batch.BatchItems.AddRange([used, balance, simulation]);
        await _nethereum.SendBatchRequestAsync(batch);
        return !Abi.DecodeBool(Hex.Decode(used.Response)) && Abi.DecodeUint256(Hex.Decode(balance.Response)) > 0 && !simulation.HasError;
    }

    private static JsonRpcRequest P402Call(byte[] data, EthAddress? from)
    {
        var call = new Dictionary<string, object?>(3) { ["to"] = Usdc, ["data"] = data };
        if (from is { } sender)
        {
            call["from"] = sender;
        }
        return new JsonRpcRequest("eth_call", [call, BlockTag.Pending]);
    }
}
