using System.Security.Cryptography;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;
using static P402.Tests.SmartWallets.SmartWalletApp;

namespace P402.Tests.SmartWallets;

/// <summary>
/// Contract-wallet payments that must not pass: a wrong owner, a wallet that refuses every signature, a
/// factory off the allowlist, bytes from a payer without code, a broken ERC-6492 wrapper. Each is
/// INVALID_SIGNATURE (or WALLET_FACTORY_NOT_ALLOWED) on verify and on settle, and no transaction is sent.
/// </summary>
public sealed class ContractWalletRefusalTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>, IAsyncLifetime
{
    private P402AppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = Create(chain);
        _client = _app.ClientFor(await _app.CreateMerchantAsync());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VerifyAndSettle_SignedByAnotherThanTheOwner_InvalidSignatureAndNoTransaction(bool counterfactual)
    {
        var account = counterfactual ? await chain.NewSmartAccountAsync(EthKey.Generate()) : await chain.NewDeployedSmartAccountAsync(EthKey.Generate(), Funding);
        if (counterfactual)
        {
            await chain.MintUsdcAsync(account.Address, Funding);
        }
        var payment = From(account, wrap: counterfactual, signer: EthKey.Generate());

        await AssertRefusedWithoutTransactionAsync(payment, "INVALID_SIGNATURE");
        Assert.Equal(counterfactual, !await chain.HasCodeAsync(account.Address));
    }

    [Theory]
    [InlineData("RevertingWallet", "reverted")]
    [InlineData("WrongMagicWallet", "0xdeadbeef")]
    public async Task VerifyAndSettle_WalletRefusesEverySignature_InvalidSignatureAndNoTransaction(string contract, string said)
    {
        var wallet = await chain.DeployTestContractAsync(contract);
        await chain.MintUsdcAsync(wallet, Funding);
        var payment = FromContract(wallet, RandomNumberGenerator.GetBytes(65));

        var verify = await AssertRefusedWithoutTransactionAsync(payment, "INVALID_SIGNATURE");
        Assert.Contains(said, verify.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAndSettle_FactoryNotOnTheAllowlist_RefusedAndNothingSent()
    {
        var account = await chain.NewSmartAccountAsync(EthKey.Generate());
        await chain.MintUsdcAsync(account.Address, Funding);
        await using var strict = Create(chain, allowDevFactory: false);
        var client = strict.ClientFor(await strict.CreateMerchantAsync());
        var payment = From(account, wrap: true);

        var verify = await VerifyAsync(client, payment.V2());
        AssertInvalid(verify, "WALLET_FACTORY_NOT_ALLOWED", "invalid_exact_evm_signature");
        var nonce = await chain.TransactionCountAsync(chain.FacilitatorKey.Address, BlockTag.Pending);
        AssertRefused(await SettleAsync(client, payment.V2()), "WALLET_FACTORY_NOT_ALLOWED");
        Assert.Equal(nonce, await chain.TransactionCountAsync(chain.FacilitatorKey.Address, BlockTag.Pending));
        Assert.False(await chain.HasCodeAsync(account.Address));
    }

    [Fact]
    public async Task Verify_WrapperNamingAnotherFactory_RefusedEvenWhenTheDevFactoryIsAllowed()
    {
        var account = await chain.NewSmartAccountAsync(EthKey.Generate());
        var payment = From(account, wrap: true, factory: EthKey.Generate().Address);
        AssertInvalid(await VerifyAsync(_client, payment.V2()), "WALLET_FACTORY_NOT_ALLOWED", "invalid_exact_evm_signature");
    }

    [Theory]
    [InlineData(100)]
    [InlineData(65)]
    [InlineData(1)]
    public async Task Verify_NonEoaBytesFromAPayerWithoutCode_InvalidSignatureSaysWhy(int length)
    {
        var payer = EthKey.Parse(chain.Chain.Payers[0].PrivateKey);
        var bytes = RandomNumberGenerator.GetBytes(length);
        var payment = NewPayment(payer) with { BendSignature = _ => bytes };
        var verify = await AssertRefusedWithoutTransactionAsync(payment, "INVALID_SIGNATURE");
        Assert.Contains("no contract code", verify.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EmptySignature_InvalidSignatureNot400()
    {
        var payment = NewPayment(EthKey.Parse(chain.Chain.Payers[0].PrivateKey)) with { BendSignature = _ => [] };
        var verify = await AssertRefusedWithoutTransactionAsync(payment, "INVALID_SIGNATURE");
        Assert.Contains("empty", verify.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MalformedErc6492Wrapper_InvalidSignatureSaysWhy()
    {
        var account = await chain.NewSmartAccountAsync(EthKey.Generate());
        var payment = From(account, wrap: true) is var wrapped ? wrapped with { BendSignature = s => [.. new byte[40], .. s[^32..]] } : null!;
        var verify = await AssertRefusedWithoutTransactionAsync(payment, "INVALID_SIGNATURE");
        Assert.Contains("ERC-6492", verify.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<System.Text.Json.JsonElement> AssertRefusedWithoutTransactionAsync(TestPayment payment, string reason)
    {
        var verify = await VerifyAsync(_client, payment.V2());
        AssertInvalid(verify, reason, "invalid_exact_evm_signature");
        var nonce = await chain.TransactionCountAsync(chain.FacilitatorKey.Address, BlockTag.Pending);
        AssertRefused(await SettleAsync(_client, payment.V2()), reason);
        Assert.Equal(nonce, await chain.TransactionCountAsync(chain.FacilitatorKey.Address, BlockTag.Pending));
        return verify;
    }
}
