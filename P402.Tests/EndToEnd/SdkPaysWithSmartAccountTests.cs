using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.SmartWallets;

namespace P402.Tests.EndToEnd;

/// <summary>
/// The JS SDK pays P402's demo endpoint from a viem smart account (sdk/js/e2e/devSmartAccount.mjs over the dev
/// chain's Solady account and factory) in a real node process: first while the account is counterfactual (the
/// settlement deploys it), then deployed (nothing to deploy). The USDC leaves the smart account.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SdkPaysWithSmartAccountTests(EndToEndFixture e2e)
{
    [Fact]
    public async Task P402Fetch_SmartAccount_PaysCounterfactualThenDeployed()
    {
        var ownerKey = Hex.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var owner = EthKey.Parse(ownerKey);
        var account = await e2e.Chain.NewSmartAccountAsync(owner);
        await e2e.Chain.MintUsdcAsync(account.Address, 1_000_000);
        var payer = new SmartAccountPayer(DevSmartWallets.Factory.ToString(), Hex.Encode(account.Salt), e2e.Chain.RpcUrl);
        var demoKey = e2e.Demo.ApiKey;
        var payToBefore = await e2e.Chain.BalanceOfUsdcAsync(EndToEndFixture.DemoPayTo);

        var first = Assert.Single(await NodePayer.PayAsync(e2e.DemoUrl("Faro"), ownerKey, smartAccount: payer));
        Assert.True(first.Status == 200, first.ToString());
        Assert.True(await e2e.Chain.HasCodeAsync(account.Address));
        var deployTx = first.PaymentResponse!.Value.GetProperty("transaction").GetString()!;
        Assert.Equal(SmartWalletCalls.Multicall3, (await e2e.Chain.Rpc.GetTransactionByHashAsync(deployTx))!.To!.Value);
        Assert.Equal(account.Address.ToString(), first.PaymentResponse!.Value.GetProperty("payer").GetString(), ignoreCase: true);

        var second = Assert.Single(await NodePayer.PayAsync(e2e.DemoUrl("Braga"), ownerKey, smartAccount: payer));
        Assert.True(second.Status == 200, second.ToString());
        var payTx = second.PaymentResponse!.Value.GetProperty("transaction").GetString()!;
        Assert.Equal(e2e.Chain.Usdc, (await e2e.Chain.Rpc.GetTransactionByHashAsync(payTx))!.To!.Value);

        Assert.Equal(1_000_000 - 20_000, await e2e.Chain.BalanceOfUsdcAsync(account.Address));
        Assert.Equal(payToBefore + 20_000, await e2e.Chain.BalanceOfUsdcAsync(EndToEndFixture.DemoPayTo));
        var settlements = await e2e.ApiAsync(HttpMethod.Get, $"api/v1/settlements?payer={account.Address.ToLowerHex()}", demoKey);
        var kinds = settlements.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("payerKind").GetString()!).Order().ToArray();
        Assert.Equal(["contractWallet", "deployedBySettlement"], kinds);
    }
}
