using System.Globalization;
using System.Numerics;
using P402.Core.Chain.Ethereum;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Facilitator;

/// <summary>
/// INVALID_SIGNATURE as USDC defines it: the EIP-712 signature must recover to <c>from</c> with a low s
/// and v 27/28. v 0/1 (what some wallets write) is the same signature and is accepted and settled.
/// </summary>
public sealed class VerifySignatureTests(AnvilChainFixture chain, SharedApp shared) : IClassFixture<AnvilChainFixture>, IClassFixture<SharedApp>, IAsyncLifetime
{
    private static readonly BigInteger CurveOrder = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

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
    public async Task Verify_SignedByAnotherKey_InvalidSignature(int version)
    {
        var payment = NewPayment(chain) with { Signer = EthKey.Generate() };
        var verify = await VerifyAsync(_client, version == 1 ? payment.V1() : payment.V2());
        AssertInvalid(verify, "INVALID_SIGNATURE", "invalid_exact_evm_signature");
        Assert.Equal(payment.Payer.Address.ToString(), verify.GetProperty("payer").GetString());
    }

    [Fact]
    public async Task Verify_HighSTwinOfAValidSignature_InvalidSignature()
    {
        var payment = NewPayment(chain);
        // (r, n - s, v flipped) recovers the same key: valid maths, but EIP-2/USDC refuse high s.
        var highS = payment with { BendSignature = ToHighS };
        Assert.NotEqual(payment.SignatureHex(), highS.SignatureHex());

        AssertInvalid(await VerifyAsync(_client, highS.V2()), "INVALID_SIGNATURE", "invalid_exact_evm_signature");
        var settle = await SettleAsync(_client, highS.V2());
        Assert.Equal("INVALID_SIGNATURE", settle.GetProperty("reason").GetString());
        Assert.Equal("", settle.GetProperty("transaction").GetString());

        AssertValid(await VerifyAsync(_client, payment.V2()), payment);
    }

    [Theory]
    [InlineData(29)]
    [InlineData(26)]
    [InlineData(2)]
    [InlineData(255)]
    public async Task Verify_VOutsideTheAcceptedValues_InvalidSignature(byte v)
    {
        var payment = NewPayment(chain) with { BendSignature = signature => WithV(signature, v) };
        AssertInvalid(await VerifyAsync(_client, payment.V2()), "INVALID_SIGNATURE", "invalid_exact_evm_signature");
        var settle = await SettleAsync(_client, payment.V1());
        Assert.Equal("invalid_exact_evm_signature", settle.GetProperty("errorReason").GetString());
        Assert.Equal("", settle.GetProperty("transaction").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task VerifyThenSettle_VWrittenAsRecoveryId_IsValidAndSettles(int recoveryId)
    {
        var payment = PaymentWithRecoveryId(recoveryId) with { BendSignature = signature => WithV(signature, (byte)(signature[64] - 27)) };
        Assert.EndsWith($"0{recoveryId}", payment.SignatureHex());
        var before = await chain.BalanceOfUsdcAsync(payment.PayTo);

        AssertValid(await VerifyAsync(_client, payment.V2()), payment);
        AssertSettled(await SettleAsync(_client, payment.V2()));

        Assert.Equal(before + payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));
    }

    /// <summary>A payment whose signature has this recovery id (half of random nonces do).</summary>
    private TestPayment PaymentWithRecoveryId(int recoveryId)
    {
        while (true)
        {
            var payment = NewPayment(chain, payer: 1);
            if (payment.SignatureHex().EndsWith(recoveryId == 0 ? "1b" : "1c", StringComparison.Ordinal))
            {
                return payment;
            }
        }
    }

    private static byte[] WithV(byte[] signature, byte v)
    {
        var bent = (byte[])signature.Clone();
        bent[64] = v;
        return bent;
    }

    private static byte[] ToHighS(byte[] signature)
    {
        var s = new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var highS = (CurveOrder - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var bent = (byte[])signature.Clone();
        Array.Clear(bent, 32, 32);
        highS.CopyTo(bent, 64 - highS.Length);
        bent[64] = (byte)(signature[64] == 27 ? 28 : 27);
        return bent;
    }
}
