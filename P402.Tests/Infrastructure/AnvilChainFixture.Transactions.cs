using System.Numerics;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Tests.Infrastructure;

/// <summary>Sending transactions on the fixture's chain.</summary>
public sealed partial class AnvilChainFixture
{
    private static readonly BigInteger PriorityFee = 1_000_000_000; // 1 gwei

    /// <summary>The facilitator's dev signer (anvil account 0), as a key to sign with in C#.</summary>
    public EthKey FacilitatorKey => EthKey.Parse(Chain.Facilitator.PrivateKey);

    /// <summary>
    /// Signs an EIP-1559 transaction in C# with <paramref name="sender"/> (next pending nonce, fees from
    /// the latest base fee), broadcasts it and waits for its receipt. Without <paramref name="gasLimit"/>
    /// the gas is estimated, which throws <see cref="ContractRevertException"/> for a call that reverts.
    /// </summary>
    public async Task<TransactionReceipt> SendSignedAsync(EthKey sender, EthAddress to, byte[] data,
        BigInteger? value = null, long? gasLimit = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var signed = await SignAsync(sender, to, data, value ?? BigInteger.Zero, gasLimit);
        var hash = await Rpc.SendRawTransactionAsync(signed.Raw);
        return await WaitForReceiptAsync(hash);
    }

    /// <summary>Builds and signs (without sending) an EIP-1559 transaction from <paramref name="sender"/>.</summary>
    public async Task<SignedTransaction> SignAsync(EthKey sender, EthAddress to, byte[] data, BigInteger value, long? gasLimit = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var nonce = await Rpc.GetTransactionCountAsync(sender.Address, BlockTag.Pending);
        var baseFee = await Rpc.GetLatestBaseFeeAsync();
        var gas = gasLimit ?? await Rpc.EstimateGasAsync(to, data, sender.Address) * 5 / 4;
        var transaction = new Eip1559Transaction(Chain.ChainId, nonce, PriorityFee, baseFee * 2 + PriorityFee, gas, to, value, data);
        return transaction.Sign(sender);
    }

    /// <summary>Mints DevUsdc from the minter account (9, unlocked in anvil) and waits for the block.</summary>
    public async Task MintUsdcAsync(EthAddress to, BigInteger amount)
    {
        var transaction = new Dictionary<string, object?>
        {
            ["from"] = Chain.Minter.Address,
            ["to"] = Usdc,
            ["data"] = DevUsdcCalls.Mint(to, amount),
        };
        var hash = (await Client.CallAsync("eth_sendTransaction", [transaction])).GetString()!;
        var receipt = await WaitForReceiptAsync(hash);
        if (!receipt.Succeeded)
        {
            throw new InvalidOperationException($"Minting to {to} reverted.");
        }
    }

    /// <summary>Polls for the receipt (mining is instant unless automine is off).</summary>
    public async Task<TransactionReceipt> WaitForReceiptAsync(string transactionHash, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await Rpc.GetTransactionReceiptAsync(transactionHash, cancellation.Token) is { } receipt)
            {
                return receipt;
            }
            await Task.Delay(25, cancellation.Token);
        }
    }
}
