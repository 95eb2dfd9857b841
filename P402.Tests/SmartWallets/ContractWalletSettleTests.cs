using System.Net.Http.Json;
using System.Text.Json;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.SmartWallets;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;
using static P402.Tests.SmartWallets.SmartWalletApp;

namespace P402.Tests.SmartWallets;

/// <summary>
/// A real smart account (Solady's ERC-4337 account from npm, deployed through its factory) pays: its owner
/// signs ERC-7739 nested typed data, DevUsdc asks the wallet's isValidSignature (as USDC v2.2 does), and the
/// USDC leaves the wallet. Deployed, counterfactual (ERC-6492, deployed by the settlement), and deployed meanwhile.
/// </summary>
public sealed class ContractWalletSettleTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>, IAsyncLifetime
{
    private P402AppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = Create(chain);
        _client = _app.ClientFor(await _app.CreateMerchantAsync());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task VerifyThenSettle_DeployedSmartAccount_UsdcMovesFromTheWalletThroughTheBytesOverload()
    {
        var account = await chain.NewDeployedSmartAccountAsync(EthKey.Generate(), Funding);
        var payment = From(account);

        AssertValidWallet(await VerifyAsync(_client, payment.V2()), payment);
        var settle = await SettleAsync(_client, payment.V2());
        var hash = AssertSettled(settle);

        Assert.Equal(Funding - payment.Value, await chain.BalanceOfUsdcAsync(account.Address));
        Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
        var transaction = (await chain.Rpc.GetTransactionByHashAsync(hash))!;
        Assert.Equal(chain.Usdc, transaction.To!.Value);
        Assert.Equal("0xcf092995", Hex.Encode(transaction.Input.AsSpan(0, 4)));
        var view = await SettlementAsync(settle);
        Assert.Equal("contractWallet", view.GetProperty("payerKind").GetString());
        Assert.False(view.TryGetProperty("deploymentGas", out _));
    }

    [Fact]
    public async Task VerifyThenSettle_CounterfactualSmartAccount_DeploysAndPaysInOneSettlement_ThenPaysWithoutDeploying()
    {
        var account = await chain.NewSmartAccountAsync(EthKey.Generate());
        await chain.MintUsdcAsync(account.Address, Funding);
        var first = From(account, wrap: true);

        AssertValidWallet(await VerifyAsync(_client, first.V2()), first);
        Assert.False(await chain.HasCodeAsync(account.Address)); // verify deploys nothing: the check is a call
        var settle = await SettleAsync(_client, first.V2());
        var hash = AssertSettled(settle);

        Assert.True(await chain.HasCodeAsync(account.Address));
        Assert.Equal(Funding - first.Value, await chain.BalanceOfUsdcAsync(account.Address));
        Assert.Equal(first.Value, await chain.BalanceOfUsdcAsync(first.PayTo));
        Assert.Equal(SmartWalletCalls.Multicall3, (await chain.Rpc.GetTransactionByHashAsync(hash))!.To!.Value);
        var view = await SettlementAsync(settle);
        Assert.Equal("deployedBySettlement", view.GetProperty("payerKind").GetString());
        var deploymentGas = view.GetProperty("deploymentGas").GetInt64();
        Assert.InRange(deploymentGas, 50_000, view.GetProperty("gasUsed").GetInt64());

        // Deployed now: the wallet signs without the wrapper, and the settlement deploys nothing.
        var second = From(account);
        AssertValidWallet(await VerifyAsync(_client, second.V2()), second);
        var again = await SettleAsync(_client, second.V2());
        Assert.Equal(chain.Usdc, (await chain.Rpc.GetTransactionByHashAsync(AssertSettled(again)))!.To!.Value);
        Assert.Equal("contractWallet", (await SettlementAsync(again)).GetProperty("payerKind").GetString());
        Assert.Equal(Funding - first.Value - second.Value, await chain.BalanceOfUsdcAsync(account.Address));
    }

    [Fact]
    public async Task Settle_CounterfactualWalletDeployedMeanwhileBySomeoneElse_PaysWithoutDeployingAgain()
    {
        var account = await chain.NewSmartAccountAsync(EthKey.Generate());
        await chain.MintUsdcAsync(account.Address, Funding);
        var payment = From(account, wrap: true);
        AssertValidWallet(await VerifyAsync(_client, payment.V2()), payment);

        await chain.DeploySmartAccountAsync(account);
        var settle = await SettleAsync(_client, payment.V2());
        var hash = AssertSettled(settle);

        Assert.Equal(chain.Usdc, (await chain.Rpc.GetTransactionByHashAsync(hash))!.To!.Value);
        var view = await SettlementAsync(settle);
        Assert.Equal("contractWallet", view.GetProperty("payerKind").GetString());
        Assert.False(view.TryGetProperty("deploymentGas", out _));
        Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
    }

    [Fact]
    public async Task VerifyThenSettle_Erc2098CompactEoaSignature_SettlesLikeTheFullOne()
    {
        var payer = EthKey.Parse(chain.Chain.Payers[2].PrivateKey);
        var payment = NewPayment(payer) with { BendSignature = ToCompact };
        Assert.Equal(2 + (64 * 2), payment.SignatureHex().Length);

        AssertValidWallet(await VerifyAsync(_client, payment.V2()), payment);
        var settle = await SettleAsync(_client, payment.V2());
        Assert.Equal("0xe3ee160e", Hex.Encode((await chain.Rpc.GetTransactionByHashAsync(AssertSettled(settle)))!.Input.AsSpan(0, 4)));
        Assert.Equal("eoa", (await SettlementAsync(settle)).GetProperty("payerKind").GetString());
        Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
    }

    private static byte[] ToCompact(byte[] rsv)
    {
        var compact = rsv[..64];
        if (rsv[64] == 28)
        {
            compact[32] |= 0x80;
        }
        return compact;
    }

    private Task<JsonElement> SettlementAsync(JsonElement settle) =>
        _client.GetFromJsonAsync<JsonElement>($"/api/v1/settlements/{settle.GetProperty("settlementId").GetString()}");
}
