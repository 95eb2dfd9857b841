using System.Numerics;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Tests.Infrastructure;

/// <summary>Smart wallets on the fixture's chain: Solady accounts from the dev factory, and test-only refusing wallets.</summary>
public sealed partial class AnvilChainFixture
{
    /// <summary>anvil's account 6, unlocked: sends the deployments a test makes itself (someone else deploying a wallet).</summary>
    private static readonly EthAddress Bystander = EthAddress.Parse("0x976EA74026E726554dB657fA54763abd0C3a0aa9");

    /// <summary>A counterfactual account for <paramref name="owner"/>: its address from the factory, nothing deployed.</summary>
    public async Task<SmartAccount> NewSmartAccountAsync(EthKey owner)
    {
        var salt = SmartAccount.SaltFor(owner.Address);
        var address = Abi.DecodeAddress(await Rpc.CallAsync(DevSmartWallets.Factory, Abi.EncodeCall(Abi.Selector("getAddress(bytes32)"), AbiValue.Bytes32(salt))));
        return new SmartAccount(owner, address, salt, DevSmartWallets.Factory);
    }

    /// <summary>Deploys the account through the factory, from a bystander's account, and waits for it.</summary>
    public async Task DeploySmartAccountAsync(SmartAccount account) =>
        await SendFromAsync(Bystander, account.Factory, account.FactoryCalldata);

    /// <summary>A new deployed account for <paramref name="owner"/> holding <paramref name="usdc"/>.</summary>
    public async Task<SmartAccount> NewDeployedSmartAccountAsync(EthKey owner, BigInteger usdc)
    {
        var account = await NewSmartAccountAsync(owner);
        await DeploySmartAccountAsync(account);
        await MintUsdcAsync(account.Address, usdc);
        return account;
    }

    /// <summary>Deploys a contract from creation code (devchain/build/SmartWallets.json by name) and returns its address.</summary>
    public async Task<EthAddress> DeployTestContractAsync(string contract)
    {
        var artifacts = await SmartWalletArtifacts.ReadAsync(new DevChainOptions().ResolveSmartWalletsArtifactPath(), CancellationToken.None);
        var nonce = await Rpc.GetTransactionCountAsync(Bystander, BlockTag.Pending);
        var transaction = new Dictionary<string, object?> { ["from"] = Bystander, ["data"] = artifacts.CreationCode(contract), ["gas"] = 3_000_000L };
        var receipt = await WaitForReceiptAsync((await Client.CallAsync("eth_sendTransaction", [transaction])).GetString()!);
        Assert.True(receipt.Succeeded, $"deploying {contract} reverted");
        return DevSmartWallets.CreateAddress(Bystander, nonce);
    }

    public async Task<bool> HasCodeAsync(EthAddress address) =>
        (await Client.CallAsync("eth_getCode", [address, BlockTag.Latest], RpcJson.Bytes)).Length > 0;

    private async Task SendFromAsync(EthAddress from, EthAddress to, byte[] data)
    {
        var transaction = new Dictionary<string, object?> { ["from"] = from, ["to"] = to, ["data"] = data, ["gas"] = 3_000_000L };
        var receipt = await WaitForReceiptAsync((await Client.CallAsync("eth_sendTransaction", [transaction])).GetString()!);
        Assert.True(receipt.Succeeded, $"the transaction to {to} reverted");
    }
}
