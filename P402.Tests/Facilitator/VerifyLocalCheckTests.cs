using System.Numerics;
using System.Text.Json.Nodes;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Facilitator;

/// <summary>
/// DESIGN.md's verify table, the checks made before the chain is asked: each bent payment is refused
/// with exactly its P402 reason and x402 invalidReason (HTTP 200), by /verify and by /settle, and
/// nothing is sent. The unbent payment passes, so each refusal is the bend's doing.
/// </summary>
public sealed class VerifyLocalCheckTests(AnvilChainFixture chain, SharedApp shared) : IClassFixture<AnvilChainFixture>, IClassFixture<SharedApp>, IAsyncLifetime
{
    private P402AppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = shared.For(chain);
        _client = _app.ClientFor(await _app.CreateMerchantAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    [Fact]
    public async Task Verify_UnbentPayment_IsValid()
    {
        var payment = NewPayment(chain);
        AssertValid(await VerifyAsync(_client, payment.V2()), payment);
        AssertValid(await VerifyAsync(_client, payment.V1()), payment);
    }

    [Fact]
    public Task Verify_SchemeNotExact_UnsupportedScheme() =>
        AssertRefusedAsync(NewPayment(chain) with { Scheme = "upto" }, "UNSUPPORTED_SCHEME", "invalid_exact_evm_scheme");

    [Theory]
    [InlineData(1, "base-sepolia", null)]
    [InlineData(2, "eip155:84532", null)]
    [InlineData(2, null, "eip155:84532")]
    public Task Verify_PayloadNetworkDiffersFromRequirements_NetworkMismatch(int version, string? payloadNetwork, string? requirementsNetwork) =>
        AssertRefusedAsync(NewPayment(chain) with { PayloadNetwork = payloadNetwork, RequirementsNetwork = requirementsNetwork },
            "NETWORK_MISMATCH", "invalid_exact_evm_network_mismatch", version);

    [Theory]
    [InlineData(1, "base-sepolia")]
    [InlineData(1, "eip155:8453")]
    [InlineData(2, "eip155:84532")]
    [InlineData(2, "base")]
    public Task Verify_UnsupportedNetworkOnBothSides_NetworkMismatch(int version, string network) =>
        AssertRefusedAsync(NewPayment(chain) with { PayloadNetwork = network, RequirementsNetwork = network },
            "NETWORK_MISMATCH", "invalid_exact_evm_network_mismatch", version);

    [Fact]
    public Task Verify_AssetNotConfigured_AssetNotSupported() =>
        AssertRefusedAsync(NewPayment(chain) with { Asset = EthKey.Generate().Address }, "ASSET_NOT_SUPPORTED", "asset_not_supported");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Verify_AuthorizationPaysSomeoneElse_RecipientMismatch(int version)
    {
        var payment = NewPayment(chain);
        var body = Body(payment, version);
        Set(body, "paymentRequirements.payTo", EthKey.Generate().Address.ToString());
        await AssertRefusedAsync(body, "RECIPIENT_MISMATCH", "invalid_exact_evm_recipient_mismatch");
    }

    [Theory]
    [InlineData(2, 20_000, "invalid_exact_evm_payload_authorization_value_mismatch")]
    [InlineData(2, 9_999, "invalid_exact_evm_payload_authorization_value_mismatch")]
    [InlineData(1, 20_000, "invalid_exact_evm_authorization_value")]
    [InlineData(1, 9_999, "invalid_exact_evm_authorization_value")]
    public Task Verify_ValueDiffersFromRequiredAmount_AmountMismatch(int version, long required, string invalidReason) =>
        AssertRefusedAsync(NewPayment(chain) with { Value = 10_000, RequiredAmount = required }, "AMOUNT_MISMATCH", invalidReason, version);

    [Fact]
    public async Task Verify_AmountAboveWhatASettlementRecords_AmountMismatchThatSaysSo()
    {
        var payment = NewPayment(chain) with { Value = (BigInteger)long.MaxValue + 1 };
        var verify = await VerifyAsync(_client, payment.V2());
        AssertInvalid(verify, "AMOUNT_MISMATCH", "invalid_exact_evm_payload_authorization_value_mismatch");
        Assert.DoesNotContain("differs", verify.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(-600)]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    public Task Verify_ValidBeforeWithinSixSeconds_AuthorizationExpired(long validBeforeFromNow) =>
        AssertRefusedAsync(NewPayment(chain) with { ValidAfter = Now - 3_600, ValidBefore = Now + validBeforeFromNow },
            "AUTHORIZATION_EXPIRED", "invalid_exact_evm_payload_authorization_valid_before");

    [Fact]
    public async Task Verify_ValidBeforeWellAheadOfTheMargin_IsValid()
    {
        var payment = NewPayment(chain) with { ValidBefore = Now + 30 };
        AssertValid(await VerifyAsync(_client, payment.V2()), payment);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(3_600)]
    public Task Verify_ValidAfterInTheFuture_AuthorizationNotYetValid(long validAfterFromNow) =>
        AssertRefusedAsync(NewPayment(chain) with { ValidAfter = Now + validAfterFromNow, ValidBefore = Now + 7_200 },
            "AUTHORIZATION_NOT_YET_VALID", "invalid_exact_evm_payload_authorization_valid_after");

    private Task AssertRefusedAsync(TestPayment payment, string reason, string invalidReason, int version = 2) =>
        AssertRefusedAsync(Body(payment, version), reason, invalidReason);

    /// <summary>/verify refuses; /settle refuses with the same codes, sends nothing and creates no settlement.</summary>
    private async Task AssertRefusedAsync(JsonObject body, string reason, string invalidReason)
    {
        var facilitatorNonce = await chain.TransactionCountAsync(chain.Chain.Facilitator.Address, BlockTag.Pending);

        AssertInvalid(await VerifyAsync(_client, body), reason, invalidReason);

        var settle = await SettleAsync(_client, body);
        Assert.False(settle.GetProperty("success").GetBoolean(), settle.ToString());
        Assert.Equal(reason, settle.GetProperty("reason").GetString());
        Assert.Equal(invalidReason, settle.GetProperty("errorReason").GetString());
        Assert.Equal("", settle.GetProperty("transaction").GetString());
        Assert.False(settle.TryGetProperty("settlementId", out _), settle.ToString());
        Assert.Equal(facilitatorNonce, await chain.TransactionCountAsync(chain.Chain.Facilitator.Address, BlockTag.Pending));
    }

    private static JsonObject Body(TestPayment payment, int version) => version == 1 ? payment.V1() : payment.V2();
}
