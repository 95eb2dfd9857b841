using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Core.Chain.SmartWallets;

/// <summary>
/// A contract-wallet verify's reads in one JSON-RPC batch, the same single round trip as an EOA's:
/// authorizationState, balanceOf, the payer's code, the wallet's verdict on the signature (EIP-1271
/// <c>isValidSignature</c> on the payer, or ERC-6492's deployless check), and the simulated transfer
/// (the <c>bytes</c> overload, or Multicall3's deploy-then-transfer for a counterfactual wallet).
/// A node that refuses batches is asked the five calls in parallel, from then on without trying a batch; a node
/// that refuses the pending block is asked about the latest one, from then on, as for an EOA's verify.
/// </summary>
internal static class WalletStateBatch
{
    private const string Call = "eth_call";

    public static async Task<WalletState> ReadAsync(PaymentNetwork network, JsonRpcClient client, EthAddress asset, TransferAuthorization authorization,
        byte[] digest, byte[] signature, Erc6492Wrapper? wrapper, CancellationToken cancellationToken)
    {
        var block = network.VerifyBlock;
        try
        {
            return await ReadAtAsync(block, network, client, asset, authorization, digest, signature, wrapper, cancellationToken);
        }
        catch (JsonRpcException refused) when (block != BlockTag.Latest && !refused.IsExecutionReverted)
        {
            var state = await ReadAtAsync(BlockTag.Latest, network, client, asset, authorization, digest, signature, wrapper, cancellationToken);
            network.VerifyAtLatest(); // only once the latest block has answered: a passing error changes nothing
            return state;
        }
    }

    private static async Task<WalletState> ReadAtAsync(string block, PaymentNetwork network, JsonRpcClient client, EthAddress asset,
        TransferAuthorization authorization, byte[] digest, byte[] signature, Erc6492Wrapper? wrapper, CancellationToken cancellationToken)
    {
        var simulator = network.Signer.Address;
        var from = authorization.From;
        JsonRpcRequest check, simulation;
        if (wrapper is null)
        {
            check = CallRequest(from, SmartWalletCalls.IsValidSignature(digest, signature), null, block);
            simulation = CallRequest(asset, SmartWalletCalls.TransferWithAuthorization(authorization, signature), simulator, block);
        }
        else
        {
            check = CallRequest(null, SmartWalletCalls.Erc6492Check(from, digest, signature), simulator, block);
            simulation = CallRequest(SmartWalletCalls.Multicall3, SmartWalletCalls.DeployAndTransfer(wrapper, asset, authorization, transferMayFail: true), simulator, block);
        }
        var answers = await AskAsync(network, client,
        [
            CallRequest(asset, TokenCalls.AuthorizationState(from, authorization.Nonce), null, block),
            CallRequest(asset, TokenCalls.BalanceOf(from), null, block),
            new JsonRpcRequest("eth_getCode", [from, block]),
            check,
            simulation,
        ], cancellationToken);
        var used = Abi.DecodeBool(TokenStateBatch.Result(answers[0]));
        var balance = Abi.DecodeUint256(TokenStateBatch.Result(answers[1]));
        var hasCode = TokenStateBatch.Result(answers[2]).Length > 0;
        var problem = wrapper is null ? Erc1271Problem(answers[3]) : Erc6492Problem(answers[3]);
        var revert = wrapper is null ? DirectRevert(answers[4]) : Multicall3Revert(answers[4]);
        return new WalletState(hasCode, problem, used, balance, revert);
    }

    private static async Task<IReadOnlyList<JsonRpcResponse>> AskAsync(PaymentNetwork network, JsonRpcClient client, IReadOnlyList<JsonRpcRequest> requests,
        CancellationToken cancellationToken)
    {
        if (!network.BatchRefused)
        {
            try
            {
                return await client.BatchAsync(requests, cancellationToken: cancellationToken);
            }
            catch (Exception e) when (BatchRefusal.Is(e))
            {
                network.BatchRefused = true;
            }
        }
        return await Task.WhenAll(requests.Select(async request =>
        {
            try
            {
                return new JsonRpcResponse(await client.CallAsync(request.Method, request.Params, cancellationToken: cancellationToken), null);
            }
            catch (JsonRpcException error)
            {
                return new JsonRpcResponse(default, error);
            }
        }));
    }

    /// <summary>USDC v2.2's rule: success, at least a word, and that word is the magic value (left-aligned bytes4).</summary>
    private static string? Erc1271Problem(JsonRpcResponse answer)
    {
        if (answer.Error is { IsExecutionReverted: true })
        {
            return "The payer's isValidSignature reverted.";
        }
        var result = TokenStateBatch.Result(answer);
        var word = new byte[32];
        SmartWalletCalls.Erc1271MagicValue.CopyTo(word, 0);
        return result.Length >= 32 && result.AsSpan(0, 32).SequenceEqual(word)
            ? null
            : $"The payer's isValidSignature answered {(result.Length >= 4 ? Hex.Encode(result.AsSpan(0, 4)) : "too little")}, not 0x1626ba7e.";
    }

    private static string? Erc6492Problem(JsonRpcResponse answer)
    {
        if (answer.Error is { IsExecutionReverted: true })
        {
            return "The ERC-6492 check reverted: the wrapper's factory call or the wallet broke it.";
        }
        var result = TokenStateBatch.Result(answer);
        var status = result.Length == 32 ? (Erc6492Status)(int)Abi.DecodeUint256(result) : (Erc6492Status)(-1);
        return status switch
        {
            Erc6492Status.Valid => null,
            Erc6492Status.Invalid => "The counterfactual wallet's isValidSignature did not answer 0x1626ba7e.",
            Erc6492Status.Reverted => "The counterfactual wallet's isValidSignature reverted.",
            Erc6492Status.DeployFailed => "The ERC-6492 wrapper's factory call reverted: the wallet cannot be deployed.",
            Erc6492Status.NoCode => "The ERC-6492 wrapper's factory call does not deploy the authorization's 'from'.",
            _ => "The ERC-6492 check answered something unexpected.",
        };
    }

    private static string? DirectRevert(JsonRpcResponse answer)
    {
        if (answer.Error is { IsExecutionReverted: true } reverted)
        {
            reverted.TryGetRevertData(out var data);
            return Abi.TryDecodeRevertReason(data, out var reason) ? reason : TokenStateBatch.SimulationReverted;
        }
        TokenStateBatch.Result(answer);
        return null;
    }

    private static string? Multicall3Revert(JsonRpcResponse answer)
    {
        if (answer.Error is { IsExecutionReverted: true })
        {
            return DirectRevert(answer);
        }
        IReadOnlyList<Multicall3Result> results;
        try
        {
            results = Multicall3Calls.DecodeResults(TokenStateBatch.Result(answer));
        }
        catch (EthereumFormatException)
        {
            return $"Multicall3 ({SmartWalletCalls.Multicall3}) did not answer aggregate3: it is needed to deploy a wallet and pay in one transaction.";
        }
        if (results.Count != 2)
        {
            return TokenStateBatch.SimulationReverted;
        }
        if (!results[0].Success)
        {
            return "The wallet's deployment reverted in the simulation.";
        }
        var transfer = results[1];
        return transfer.Success ? null
            : Abi.TryDecodeRevertReason(transfer.ReturnData, out var reason) ? reason : TokenStateBatch.SimulationReverted;
    }

    private static JsonRpcRequest CallRequest(EthAddress? to, byte[] data, EthAddress? from, string block)
    {
        var call = new Dictionary<string, object?>(3) { ["data"] = data };
        if (to is { } target)
        {
            call["to"] = target;
        }
        if (from is { } sender)
        {
            call["from"] = sender;
        }
        return new JsonRpcRequest(Call, [call, block]);
    }
}
