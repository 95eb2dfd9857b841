using System.Globalization;
using P402.Core.Chain.Ethereum;
using P402.Dashboard.Demo;
using P402.Merchant;
using CoreAuthorization = P402.Core.Chain.Ethereum.TransferAuthorization;

namespace P402.Tests.Playground;

public sealed class ExactEvmSignerTests
{
    private static readonly EthKey Payer = EthKey.Parse("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static PaymentRequirements Requirements(string network = "eip155:8453", string? amount = "10000") => new()
    {
        Scheme = "exact",
        Network = network,
        Amount = amount,
        PayTo = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
        Asset = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
        MaxTimeoutSeconds = 120,
        Extra = new PaymentExtra("USD Coin", "2"),
    };

    [Fact]
    public void Sign_BaseUsdcRequirement_RecoversToThePayerOverTheTokensDomain()
    {
        var signed = ExactEvmSigner.Sign(Requirements(), Payer, Now);

        var a = signed.Authorization;
        Assert.Equal(Payer.Address.ToString(), a.From);
        Assert.Equal("0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc", a.To);
        Assert.Equal("10000", a.Value);
        Assert.Equal("1799999400", a.ValidAfter);
        Assert.Equal("1800000120", a.ValidBefore);
        var authorization = new CoreAuthorization(EthAddress.Parse(a.From), EthAddress.Parse(a.To), 10_000,
            long.Parse(a.ValidAfter, CultureInfo.InvariantCulture), long.Parse(a.ValidBefore, CultureInfo.InvariantCulture), Hex.DecodeFixed(a.Nonce, 32));
        var domain = Eip712.DomainSeparator("USD Coin", "2", 8453, EthAddress.Parse("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"));
        var digest = Eip712.TransferWithAuthorizationDigest(domain, authorization);
        Assert.Equal(Payer.Address, Secp256k1Recovery.RecoverAddress(digest, EcdsaSignature.Parse(signed.Signature)));
    }

    [Fact]
    public void Sign_TwoPayments_UseDifferentNonces()
    {
        var first = ExactEvmSigner.Sign(Requirements(), Payer, Now);
        var second = ExactEvmSigner.Sign(Requirements(), Payer, Now);

        Assert.NotEqual(first.Authorization.Nonce, second.Authorization.Nonce);
        Assert.Equal(66, first.Authorization.Nonce.Length);
    }

    [Theory]
    [InlineData("base", "10000")]
    [InlineData("solana:mainnet", "10000")]
    [InlineData("eip155:8453", null)]
    public void CanSign_NotAnExactV2EvmRequirement_IsFalse(string network, string? amount)
    {
        Assert.False(ExactEvmSigner.CanSign(Requirements(network, amount)));
        Assert.Throws<ArgumentException>(() => ExactEvmSigner.Sign(Requirements(network, amount), Payer, Now));
    }
}
