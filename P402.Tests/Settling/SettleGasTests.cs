using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Core.Merchants;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Settling;

/// <summary>
/// The gas limit of a settlement is the node's estimate plus headroom, capped by the merchant's max gas;
/// a payment whose estimate is above that cap is refused before anything is sent: no transaction, no ETH spent.
/// </summary>
public sealed class SettleGasTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>, IAsyncLifetime
{
    private P402AppFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new P402AppFactory(chain);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Settle_EstimateAboveTheMerchantsMaxGas_RefusedBeforeSendingAndSpendsNothing()
    {
        var payment = NewPayment(chain, payer: 0);
        var estimate = await EstimateAsync(payment);
        var (merchant, client) = await MerchantWithMaxGasAsync(estimate - 1);
        var facilitator = chain.Chain.Facilitator.Address;
        var (nonceBefore, ethBefore) = (await chain.TransactionCountAsync(facilitator, BlockTag.Pending), await chain.Rpc.GetBalanceAsync(facilitator));

        var refused = await SettleAsync(client, payment.V2());

        Assert.False(refused.GetProperty("success").GetBoolean(), refused.ToString());
        Assert.Equal("GAS_LIMIT_EXCEEDED", refused.GetProperty("reason").GetString());
        Assert.Equal("gas_limit_exceeded", refused.GetProperty("errorReason").GetString());
        Assert.Equal("", refused.GetProperty("transaction").GetString());
        var message = refused.GetProperty("message").GetString()!;
        Assert.Contains($"{estimate:N0}", message, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", message, StringComparison.Ordinal);
        Assert.Equal(nonceBefore, await chain.TransactionCountAsync(facilitator, BlockTag.Pending));
        Assert.Equal(ethBefore, await chain.Rpc.GetBalanceAsync(facilitator));
        Assert.Equal(0, await chain.BalanceOfUsdcAsync(payment.PayTo));

        // The authorization is not spent: with a max gas that covers it, the same payment settles.
        await SetMaxGasAsync(merchant, MerchantSettings.StandardMaxGasPerSettlement);
        AssertSettled(await SettleAsync(client, payment.V2()));
        Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
    }

    [Fact]
    public async Task Settle_DefaultMaxGas_GasLimitIsTheEstimatePlusTheHeadroom()
    {
        var payment = NewPayment(chain, payer: 1);
        var estimate = await EstimateAsync(payment);
        var (_, client) = await MerchantWithMaxGasAsync(MerchantSettings.StandardMaxGasPerSettlement);

        var hash = AssertSettled(await SettleAsync(client, payment.V2()));

        var transaction = (await chain.Rpc.GetTransactionByHashAsync(hash))!;
        Assert.Equal(estimate + (estimate * 25 / 100), transaction.Gas);
        Assert.True((await chain.Rpc.GetTransactionReceiptAsync(hash))!.GasUsed <= estimate);
    }

    [Fact]
    public async Task Settle_MaxGasBetweenTheEstimateAndTheHeadroom_GasLimitIsTheMaxGasAndConfirms()
    {
        var payment = NewPayment(chain, payer: 2);
        var estimate = await EstimateAsync(payment);
        var (_, client) = await MerchantWithMaxGasAsync(estimate + 1);

        var hash = AssertSettled(await SettleAsync(client, payment.V2()));

        Assert.Equal(estimate + 1, (await chain.Rpc.GetTransactionByHashAsync(hash))!.Gas);
        Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
    }

    /// <summary>What the node says this payment's transferWithAuthorization costs, asked as the facilitator asks it.</summary>
    private async Task<long> EstimateAsync(TestPayment payment)
    {
        var call = TokenCalls.TransferWithAuthorization(payment.Authorization, EcdsaSignature.FromBytes65(Hex.Decode(payment.SignatureHex())));
        return await chain.Rpc.EstimateGasAsync(chain.Usdc, call, chain.Chain.Facilitator.Address);
    }

    private async Task<(TestMerchant Merchant, HttpClient Client)> MerchantWithMaxGasAsync(long maxGas)
    {
        var merchant = await _app.CreateMerchantAsync();
        await SetMaxGasAsync(merchant, maxGas);
        return (merchant, _app.ClientFor(merchant));
    }

    private async Task SetMaxGasAsync(TestMerchant merchant, long maxGas)
    {
        var merchants = _app.Services.GetRequiredService<MerchantService>();
        var settings = await merchants.GetSettingsAsync(merchant.MerchantId, CancellationToken.None);
        settings.MaxGasPerSettlement = maxGas;
        Assert.Empty(await merchants.UpdateSettingsAsync(merchant.MerchantId, settings, CancellationToken.None));
    }
}
