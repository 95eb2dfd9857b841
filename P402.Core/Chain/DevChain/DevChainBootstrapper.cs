using System.Numerics;
using Microsoft.Extensions.Logging;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Core.Chain.DevChain;

/// <summary>
/// Makes a running anvil look like Base for P402: DevUsdc's code at the Base USDC address, demo payers
/// holding USDC. Safe to run on every start: a chain restored from --state keeps its code and balances,
/// and nothing is placed or minted twice.
/// </summary>
internal sealed class DevChainBootstrapper(JsonRpcClient client, ILogger logger)
{
    private static readonly TimeSpan MintTimeout = TimeSpan.FromSeconds(60);
    private readonly EthereumRpc _rpc = new(client);

    /// <summary>Places <paramref name="runtimeCode"/> at <paramref name="token"/> unless that code is already there.</summary>
    public async Task PlaceTokenAsync(EthAddress token, byte[] runtimeCode, CancellationToken cancellationToken)
    {
        var current = await client.CallAsync("eth_getCode", [token, BlockTag.Latest], RpcJson.Bytes, cancellationToken: cancellationToken);
        if (current.AsSpan().SequenceEqual(runtimeCode))
        {
            return;
        }
        await client.CallAsync("anvil_setCode", [token, runtimeCode], cancellationToken: cancellationToken);
        DevChainLog.TokenPlaced(logger, token);
    }

    /// <summary>
    /// Mints to each payer whose balance is below half of <paramref name="target"/> what it lacks to reach
    /// <paramref name="target"/>; a payer that still holds at least half is left alone.
    /// </summary>
    public async Task FundAsync(EthAddress token, IEnumerable<EthAddress> payers, BigInteger target, CancellationToken cancellationToken)
    {
        foreach (var payer in payers)
        {
            var balance = Abi.DecodeUint256(await _rpc.CallAsync(token, DevUsdcCalls.BalanceOf(payer), cancellationToken: cancellationToken));
            if (balance * 2 >= target)
            {
                DevChainLog.PayerAlreadyFunded(logger, payer, balance);
                continue;
            }
            var transaction = new Dictionary<string, object?>
            {
                ["from"] = DevAccounts.Minter.Address,
                ["to"] = token,
                ["data"] = DevUsdcCalls.Mint(payer, target - balance),
            };
            var hash = await client.CallAsync("eth_sendTransaction", [transaction], static r => r.GetString()!, cancellationToken: cancellationToken);
            var receipt = await WaitForReceiptAsync(hash, cancellationToken);
            if (!receipt.Succeeded)
            {
                throw new InvalidOperationException($"Minting USDC to {payer} failed in transaction {hash}.");
            }
            DevChainLog.PayerFunded(logger, payer, target - balance);
        }
    }

    private async Task<TransactionReceipt> WaitForReceiptAsync(string hash, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(MintTimeout);
        while (true)
        {
            if (await _rpc.GetTransactionReceiptAsync(hash, timeout.Token) is { } receipt)
            {
                return receipt;
            }
            await Task.Delay(100, timeout.Token); // interval mining (Chain:Dev:BlockTime) takes a block to include it
        }
    }
}
