using System.Numerics;
using System.Text.Json;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Ethereum;
using P402.Tests.Infrastructure;

namespace P402.Tests.SmartWallets;

/// <summary>The facilitator app on the fixture's chain with the dev smart-wallet factory on the allowlist, and the payments its tests make.</summary>
internal static class SmartWalletApp
{
    public static readonly BigInteger Funding = 1_000_000;

    public static P402AppFactory Create(AnvilChainFixture chain, bool allowDevFactory = true) => new(chain, settings: allowDevFactory
        ? new Dictionary<string, string?> { ["Chain:Networks:0:WalletFactories:0"] = DevSmartWallets.Factory.ToString() }
        : null);

    /// <summary>A payment from <paramref name="account"/>, signed by its owner (or <paramref name="signer"/>), ERC-6492-wrapped when <paramref name="wrap"/>.</summary>
    public static TestPayment From(SmartAccount account, bool wrap = false, EthKey? signer = null, EthAddress? factory = null) => new()
    {
        Payer = account.Owner,
        From = account.Address,
        PayTo = EthKey.Generate().Address,
        SignWith = (domain, structHash) =>
        {
            var nested = account.SignNested(domain, structHash, signer: signer);
            return wrap ? account.Wrap6492(nested, factory) : nested;
        },
    };

    /// <summary>A payment from a contract at <paramref name="wallet"/> with arbitrary signature bytes.</summary>
    public static TestPayment FromContract(EthAddress wallet, byte[] signature) => new()
    {
        Payer = EthKey.Generate(),
        From = wallet,
        PayTo = EthKey.Generate().Address,
        SignWith = (_, _) => signature,
    };

    public static void AssertValidWallet(JsonElement verify, TestPayment payment)
    {
        Assert.True(verify.GetProperty("isValid").GetBoolean(), verify.ToString());
        Assert.Equal(payment.PayerAddress.ToString(), verify.GetProperty("payer").GetString());
    }

    /// <summary>A refusal with <paramref name="reason"/>, and for a settle: no transaction sent.</summary>
    public static void AssertRefused(JsonElement answer, string reason)
    {
        Assert.Equal(reason, answer.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("message").GetString()), answer.ToString());
        if (answer.TryGetProperty("transaction", out var transaction))
        {
            Assert.Equal("", transaction.GetString());
        }
    }
}
