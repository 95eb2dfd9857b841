using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain.Ethereum;
using P402.Core.Merchants;
using P402.Tests.Infrastructure;

namespace P402.Tests.Facilitator;

/// <summary>
/// A settlement that failed without spending the authorization (here: refused before sending, its gas
/// estimate above the merchant's max gas) does not lock the payment forever: sending the same payment
/// again settles it, on the same settlement row.
/// </summary>
public sealed class SettleRetryAfterFailureTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>
{
    [Fact]
    public async Task Settle_AfterRefusedAttempt_SameAuthorizationSettlesOnRetry()
    {
        await using var app = new P402AppFactory(chain);
        var merchant = await app.CreateMerchantAsync();
        var merchants = app.Services.GetRequiredService<MerchantService>();
        var settings = await merchants.GetSettingsAsync(merchant.MerchantId, CancellationToken.None);
        settings.MaxGasPerSettlement = 60_000; // below what transferWithAuthorization needs: refused before sending
        Assert.Empty(await merchants.UpdateSettingsAsync(merchant.MerchantId, settings, CancellationToken.None));
        var payment = new TestPayment { Payer = EthKey.Parse(chain.Chain.Payers[2].PrivateKey), PayTo = EthKey.Generate().Address };
        var client = app.ClientFor(merchant);

        var failed = await SettleAsync(client, payment);
        Assert.False(failed.GetProperty("success").GetBoolean(), failed.ToString());
        Assert.Equal("GAS_LIMIT_EXCEEDED", failed.GetProperty("reason").GetString());
        Assert.Equal(0, await chain.BalanceOfUsdcAsync(payment.PayTo));

        settings.MaxGasPerSettlement = 150_000;
        Assert.Empty(await merchants.UpdateSettingsAsync(merchant.MerchantId, settings, CancellationToken.None));
        var retried = await SettleAsync(client, payment);

        Assert.True(retried.GetProperty("success").GetBoolean(), retried.ToString());
        Assert.Equal(failed.GetProperty("settlementId").GetString(), retried.GetProperty("settlementId").GetString());
        Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
        var again = await SettleAsync(client, payment);
        Assert.False(again.GetProperty("success").GetBoolean(), again.ToString());
        Assert.Equal("REPLAY_DETECTED", again.GetProperty("reason").GetString());
        Assert.Equal(retried.GetProperty("transaction").GetString(), again.GetProperty("transaction").GetString());
    }

    private static async Task<JsonElement> SettleAsync(HttpClient client, TestPayment payment)
    {
        var response = await client.PostAsJsonAsync("/settle", payment.V2());
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
