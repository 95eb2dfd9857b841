using System.Numerics;
using Microsoft.Extensions.Logging.Abstractions;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Tests.Infrastructure;

/// <summary>
/// A fresh dev chain (anvil, chain id 8453, DevUsdc at the Base USDC address, payers 1–3 funded with
/// <see cref="DevChain.PayerFunding"/>) for one test class (<c>IClassFixture</c>) or one collection
/// (<see cref="AnvilChainCollectionDefinition"/>), stopped at the end. The helpers drive anvil's test methods.
/// The facilitator checks time against the wall clock and DevUsdc against block time: a test that
/// moves one (<see cref="IncreaseTimeAsync"/>, a FakeTimeProvider) moves the other too.
/// </summary>
public sealed partial class AnvilChainFixture : IAsyncLifetime
{
    private readonly int? _blockTime;
    private DevChain? _chain;

    /// <summary>anvil mines each transaction at once (automine).</summary>
    public AnvilChainFixture()
    {
    }

    /// <summary>
    /// A block every <paramref name="blockTimeSeconds"/> (anvil <c>--block-time</c>), as Base does every 2 s.
    /// Internal: xunit builds class fixtures through their one public constructor.
    /// </summary>
    internal AnvilChainFixture(int blockTimeSeconds) => _blockTime = blockTimeSeconds;

    public DevChain Chain => _chain ?? throw new InvalidOperationException("The chain starts in InitializeAsync.");

    public EthereumRpc Rpc => Chain.Rpc;

    public JsonRpcClient Client => Chain.Rpc.Client;

    public Uri RpcUrl => Chain.RpcUrl;

    public EthAddress Usdc => Chain.UsdcAddress;

    public async Task InitializeAsync() => _chain = await DevChain.StartAsync(new DevChainOptions { BlockTime = _blockTime }, NullLogger.Instance);

    public async Task DisposeAsync()
    {
        if (_chain is not null)
        {
            await _chain.DisposeAsync();
        }
    }

    /// <summary>DevUsdc's <c>balanceOf(owner)</c> (selector 0x70a08231) at the latest block.</summary>
    public async Task<BigInteger> BalanceOfUsdcAsync(EthAddress owner) =>
        Abi.DecodeUint256(await Rpc.CallAsync(Usdc, DevUsdcCalls.BalanceOf(owner)));

    /// <summary>The base fee (wei) of the next block mined; stays until then.</summary>
    public Task SetNextBaseFeeAsync(BigInteger baseFeePerGas) =>
        Client.CallAsync("anvil_setNextBlockBaseFeePerGas", [baseFeePerGas]);

    /// <summary>Saves the chain's state; <see cref="RevertAsync"/> returns to it (once per snapshot).</summary>
    public async Task<string> SnapshotAsync() => (await Client.CallAsync("evm_snapshot")).GetString()!;

    public async Task RevertAsync(string snapshotId)
    {
        if (!(await Client.CallAsync("evm_revert", [snapshotId])).GetBoolean())
        {
            throw new InvalidOperationException($"anvil has no snapshot {snapshotId}.");
        }
    }

    public Task MineAsync(int blocks = 1) => Client.CallAsync("anvil_mine", [new BigInteger(blocks)]);

    /// <summary>Off: transactions wait in the pool until <see cref="MineAsync"/>. On: each is mined at once.</summary>
    public Task SetAutomineAsync(bool enabled) => Client.CallAsync("evm_setAutomine", [enabled]);

    /// <summary>anvil <c>--block-time</c>: 0 pauses interval mining (transactions wait in the pool), n mines every n seconds again.</summary>
    public Task SetIntervalMiningAsync(int seconds) => Client.CallAsync("evm_setIntervalMining", [seconds]);

    /// <summary>Moves block time forward and mines a block, so the latest block (and calls on it) carry the new time.</summary>
    public async Task IncreaseTimeAsync(TimeSpan by)
    {
        await Client.CallAsync("evm_increaseTime", [(long)by.TotalSeconds]);
        await MineAsync();
    }

    /// <summary>Gives an account ETH for gas (anvil_setBalance), e.g. a fresh key that sends its own transactions.</summary>
    public Task SetEthBalanceAsync(EthAddress account, BigInteger wei) =>
        Client.CallAsync("anvil_setBalance", [account, wei]);

    /// <summary>The account's nonce: mined transactions (<see cref="BlockTag.Latest"/>) or also those in the pool (<see cref="BlockTag.Pending"/>).</summary>
    public Task<long> TransactionCountAsync(EthAddress account, string blockTag = BlockTag.Latest) =>
        Rpc.GetTransactionCountAsync(account, blockTag);

    /// <summary>Removes a transaction from anvil's pool as if the node had lost it.</summary>
    public Task DropTransactionAsync(string transactionHash) =>
        Client.CallAsync("anvil_dropTransaction", [transactionHash]);

    /// <summary>Signs an EIP-1559 transaction in C# with <paramref name="sender"/>'s key, broadcasts it and waits for its receipt.</summary>
    public async Task<TransactionReceipt> SendSignedAsync(EthKey sender, EthAddress to, byte[] data)
    {
        var nonce = await Rpc.GetTransactionCountAsync(sender.Address, BlockTag.Pending);
        var maxFee = (await Rpc.GetLatestBaseFeeAsync() * 2) + 1_000_000_000;
        var signed = new Eip1559Transaction(Chain.ChainId, nonce, 1_000_000_000, maxFee, 300_000, to, BigInteger.Zero, data).Sign(sender);
        return await WaitForReceiptAsync(await Rpc.SendRawTransactionAsync(signed.Raw));
    }

    /// <summary>The timestamp (unix seconds) of the latest block.</summary>
    public Task<long> LatestBlockTimestampAsync() =>
        Client.CallAsync("eth_getBlockByNumber", [BlockTag.Latest, false],
            static block => HexQuantity.ParseInt64(block.GetProperty("timestamp").GetString()));
}
