using Microsoft.Extensions.Logging;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Chain.SmartWallets;

namespace P402.Core.Chain.DevChain;

/// <summary>
/// The smart-wallet side of the dev chain, as Base has it: Multicall3 at its canonical address, and a
/// real smart-account implementation (Solady's ERC-4337 account, npm <c>solady</c>) with its factory,
/// deployed by anvil's account 8 with its first two transactions, so their addresses never change.
/// Idempotent: a chain restored from --state already has them.
/// </summary>
public static class DevSmartWallets
{
    /// <summary>Anvil's account 8: deploys the account implementation (nonce 0) and the factory (nonce 1).</summary>
    public static DevAccount Deployer { get; } = new(8, EthAddress.Parse("0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f"),
        "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97");

    /// <summary>The DevSmartAccount implementation behind every wallet's ERC-1967 proxy.</summary>
    public static EthAddress AccountImplementation { get; } = CreateAddress(Deployer.Address, 0);

    /// <summary>Solady's <c>ERC4337Factory</c>: <c>createAccount(bytes32 ownSalt)</c>, owner in the salt's upper 160 bits.</summary>
    public static EthAddress Factory { get; } = CreateAddress(Deployer.Address, 1);

    internal static async Task PlaceAsync(JsonRpcClient client, SmartWalletArtifacts artifacts, ILogger logger, CancellationToken cancellationToken)
    {
        await PlaceMulticall3Async(client, artifacts.CreationCode("Multicall3"), cancellationToken);
        if (await HasCodeAsync(client, Factory, cancellationToken))
        {
            return;
        }
        await DeployAsync(client, artifacts.CreationCode("DevSmartAccount"), AccountImplementation, cancellationToken);
        var factoryCode = artifacts.CreationCode("ERC4337Factory").Concat(Abi.Encode(AbiValue.Address(AccountImplementation))).ToArray();
        await DeployAsync(client, factoryCode, Factory, cancellationToken);
        DevChainLog.SmartWalletsPlaced(logger, Factory, SmartWalletCalls.Multicall3);
    }

    /// <summary>Multicall3 keeps no state: its runtime code (what its creation code returns) is placed with anvil_setCode.</summary>
    private static async Task PlaceMulticall3Async(JsonRpcClient client, byte[] creationCode, CancellationToken cancellationToken)
    {
        if (await HasCodeAsync(client, SmartWalletCalls.Multicall3, cancellationToken))
        {
            return;
        }
        var runtime = await client.CallAsync("eth_call", [new Dictionary<string, object?> { ["data"] = creationCode }, BlockTag.Latest], RpcJson.Bytes, cancellationToken: cancellationToken);
        await client.CallAsync("anvil_setCode", [SmartWalletCalls.Multicall3, runtime], cancellationToken: cancellationToken);
    }

    private static async Task DeployAsync(JsonRpcClient client, byte[] creationCode, EthAddress expected, CancellationToken cancellationToken)
    {
        var transaction = new Dictionary<string, object?> { ["from"] = Deployer.Address, ["data"] = creationCode, ["gas"] = 5_000_000L };
        var hash = await client.CallAsync("eth_sendTransaction", [transaction], static r => r.GetString()!, cancellationToken: cancellationToken);
        var rpc = new EthereumRpc(client);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await rpc.GetTransactionReceiptAsync(hash, timeout.Token) is not { } receipt)
        {
            await Task.Delay(100, timeout.Token); // interval mining takes a block
        }
        if (!await HasCodeAsync(client, expected, cancellationToken))
        {
            throw new InvalidOperationException($"Deploying a smart-wallet contract did not put code at {expected} (was account 8 used before?).");
        }
    }

    private static async Task<bool> HasCodeAsync(JsonRpcClient client, EthAddress address, CancellationToken cancellationToken) =>
        (await client.CallAsync("eth_getCode", [address, BlockTag.Latest], RpcJson.Bytes, cancellationToken: cancellationToken)).Length > 0;

    /// <summary>CREATE's address: keccak256(rlp([sender, nonce]))[12..] (Nethereum's ContractUtils).</summary>
    internal static EthAddress CreateAddress(EthAddress sender, long nonce) =>
        EthAddress.Parse(Nethereum.Util.ContractUtils.CalculateContractAddress(sender.ToString(), new System.Numerics.BigInteger(nonce)));
}
