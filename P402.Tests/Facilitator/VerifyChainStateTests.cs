using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Facilitator;

/// <summary>The verify checks that ask the chain: replay (P402's store and the token's own state), balance, simulation.</summary>
public sealed class VerifyChainStateTests(AnvilChainFixture chain, SharedApp shared) : IClassFixture<AnvilChainFixture>, IClassFixture<SharedApp>, IAsyncLifetime
{
    private P402AppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = shared.For(chain);
        _client = _app.ClientFor(await _app.CreateMerchantAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Verify_AuthorizationP402AlreadySettled_ReplayDetected(int version)
    {
        var payment = NewPayment(chain);
        var body = version == 1 ? payment.V1() : payment.V2();
        AssertSettled(await SettleAsync(_client, body));

        AssertInvalid(await VerifyAsync(_client, body), "REPLAY_DETECTED", "invalid_exact_evm_nonce_already_used");
    }

    [Fact]
    public async Task VerifyAndSettle_NonceUsedOnChainOutsideP402_ReplayDetectedAndNothingSent()
    {
        var payment = NewPayment(chain, payer: 1);
        AssertValid(await VerifyAsync(_client, payment.V2()), payment);

        // Someone else submits the same signed authorization straight to the token, paying their own gas.
        var outsider = EthKey.Generate();
        await chain.SetEthBalanceAsync(outsider.Address, 1_000_000_000_000_000_000);
        var data = TokenCalls.TransferWithAuthorization(payment.Authorization, EcdsaSignature.Parse(payment.SignatureHex()));
        var outside = await chain.SendSignedAsync(outsider, chain.Usdc, data);
        Assert.True(outside.Succeeded);
        var paid = await chain.BalanceOfUsdcAsync(payment.PayTo);
        Assert.Equal(payment.Value, paid);
        var facilitatorNonce = await chain.TransactionCountAsync(chain.Chain.Facilitator.Address, BlockTag.Pending);

        AssertInvalid(await VerifyAsync(_client, payment.V2()), "REPLAY_DETECTED", "invalid_exact_evm_nonce_already_used");
        var settle = await SettleAsync(_client, payment.V2());
        Assert.False(settle.GetProperty("success").GetBoolean());
        Assert.Equal("REPLAY_DETECTED", settle.GetProperty("reason").GetString());
        Assert.Equal("invalid_exact_evm_nonce_already_used", settle.GetProperty("errorReason").GetString());
        Assert.Equal("", settle.GetProperty("transaction").GetString());

        Assert.Equal(facilitatorNonce, await chain.TransactionCountAsync(chain.Chain.Facilitator.Address, BlockTag.Pending));
        Assert.Equal(paid, await chain.BalanceOfUsdcAsync(payment.PayTo));
    }

    [Fact]
    public async Task Verify_FreshPayerWithoutUsdc_InsufficientFunds()
    {
        var payment = NewPayment(EthKey.Generate());
        AssertInvalid(await VerifyAsync(_client, payment.V2()), "INSUFFICIENT_FUNDS", "invalid_exact_evm_insufficient_balance");
        var settle = await SettleAsync(_client, payment.V1());
        Assert.Equal("INSUFFICIENT_FUNDS", settle.GetProperty("reason").GetString());
        Assert.Equal("", settle.GetProperty("transaction").GetString());
    }

    [Fact]
    public async Task Verify_BalanceOneUnitShort_InsufficientFundsUntilTopUp()
    {
        var payment = NewPayment(EthKey.Generate());
        await chain.MintUsdcAsync(payment.Payer.Address, payment.Value - 1);
        AssertInvalid(await VerifyAsync(_client, payment.V2()), "INSUFFICIENT_FUNDS", "invalid_exact_evm_insufficient_balance");

        await chain.MintUsdcAsync(payment.Payer.Address, 1);
        AssertValid(await VerifyAsync(_client, payment.V2()), payment);
    }

    [Fact]
    public async Task Verify_SimulationReverts_MessageCarriesTheRevertText()
    {
        // Every check before the simulation passes; DevUsdc (like USDC) refuses a transfer to the zero address.
        var payment = NewPayment(chain) with { PayTo = EthAddress.Parse("0x0000000000000000000000000000000000000000") };

        var verify = await VerifyAsync(_client, payment.V2());

        AssertInvalid(verify, "SIMULATION_FAILED", "invalid_exact_evm_transaction_simulation_failed");
        Assert.Contains("ERC20: transfer to the zero address", verify.GetProperty("message").GetString());
        var settle = await SettleAsync(_client, payment.V2());
        Assert.Contains("ERC20: transfer to the zero address", settle.GetProperty("message").GetString());
        Assert.Contains("ERC20: transfer to the zero address", settle.GetProperty("errorMessage").GetString());
        Assert.Equal("", settle.GetProperty("transaction").GetString());
    }
}
