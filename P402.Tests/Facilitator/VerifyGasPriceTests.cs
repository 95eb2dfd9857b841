using Microsoft.Extensions.DependencyInjection;
using P402.Core.Merchants;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Facilitator;

/// <summary>
/// GAS_PRICE_TOO_HIGH against the merchant's limit, read on every verify, and against the network's
/// real gas price (anvil's base fee raised). The gas price cache is off here so each verify sees the chain.
/// </summary>
public sealed class VerifyGasPriceTests(AnvilChainFixture chain, SharedApp shared) : IClassFixture<AnvilChainFixture>, IClassFixture<SharedApp>, IAsyncLifetime
{
    private const long Gwei = 1_000_000_000;

    private P402AppFactory _app = null!;
    private TestMerchant _merchant = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = shared.For(chain, new Dictionary<string, string?> { ["Chain:GasPriceCacheSeconds"] = "0" });
        _merchant = await _app.CreateMerchantAsync();
        _client = _app.ClientFor(_merchant);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Verify_MerchantLimitBelowNetworkGasPrice_GasPriceTooHighUntilRaised()
    {
        var payment = NewPayment(chain);
        AssertValid(await VerifyAsync(_client, payment.V2()), payment);

        await SetGasPriceLimitAsync(1);
        try
        {
            var verify = await VerifyAsync(_client, payment.V2());
            AssertInvalid(verify, "GAS_PRICE_TOO_HIGH", "gas_price_too_high");
            Assert.Contains("limit of 1 wei", verify.GetProperty("message").GetString());
            var settle = await SettleAsync(_client, payment.V1());
            Assert.Equal("GAS_PRICE_TOO_HIGH", settle.GetProperty("reason").GetString());
            Assert.Equal("gas_price_too_high", settle.GetProperty("errorReason").GetString());
            Assert.Equal("", settle.GetProperty("transaction").GetString());
        }
        finally
        {
            await SetGasPriceLimitAsync(MerchantSettings.StandardGasPriceLimitWei);
        }

        AssertValid(await VerifyAsync(_client, payment.V2()), payment);
    }

    [Fact]
    public async Task Verify_NetworkBaseFeeAboveDefaultLimit_GasPriceTooHighUntilItFalls()
    {
        var payment = NewPayment(chain, payer: 1);
        AssertValid(await VerifyAsync(_client, payment.V2()), payment);

        await chain.SetNextBaseFeeAsync(200 * Gwei);
        await chain.MineAsync();
        try
        {
            AssertInvalid(await VerifyAsync(_client, payment.V2()), "GAS_PRICE_TOO_HIGH", "gas_price_too_high");
            var settle = await SettleAsync(_client, payment.V2());
            Assert.Equal("GAS_PRICE_TOO_HIGH", settle.GetProperty("reason").GetString());
            Assert.Equal("", settle.GetProperty("transaction").GetString());
        }
        finally
        {
            await chain.SetNextBaseFeeAsync(Gwei / 10);
            await chain.MineAsync();
        }

        AssertValid(await VerifyAsync(_client, payment.V2()), payment);
        AssertSettled(await SettleAsync(_client, payment.V2()));
    }

    private async Task SetGasPriceLimitAsync(long wei)
    {
        var merchants = _app.Services.GetRequiredService<MerchantService>();
        var settings = await merchants.GetSettingsAsync(_merchant.MerchantId, CancellationToken.None);
        settings.GasPriceLimitWei = wei;
        Assert.Empty(await merchants.UpdateSettingsAsync(_merchant.MerchantId, settings, CancellationToken.None));
    }
}
