using System.Numerics;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Merchants;
using P402.Merchant;
using P402.Tests.Infrastructure;

namespace P402.Tests.EndToEnd;

/// <summary>What a handler of <see cref="MiddlewareTestApp"/> does after P402 verified the payment and before the filter settles it.</summary>
internal static class BetweenVerifyAndSettle
{
    /// <summary>anvil's account 8, unlocked on every anvil node: an outsider who submits the payer's authorization first.</summary>
    public static readonly EthAddress Outsider = EthAddress.Parse("0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f");

    /// <summary>Executes the request's signed authorization on chain directly, so P402's settle finds it used.</summary>
    public static async Task UseAuthorizationOnChainAsync(Microsoft.AspNetCore.Http.HttpRequest request, AnvilChainFixture chain)
    {
        var header = request.Headers[P402HeaderNames.PaymentSignature].ToString() is { Length: > 0 } v2 ? v2 : request.Headers[P402HeaderNames.XPayment].ToString();
        if (!X402HeaderCodec.TryDecode(header, out PaymentPayload? payment))
        {
            throw new InvalidOperationException("The verified request carries no readable payment.");
        }
        var a = payment.Payload.Authorization;
        var authorization = new Core.Chain.Ethereum.TransferAuthorization(EthAddress.Parse(a.From), EthAddress.Parse(a.To), BigInteger.Parse(a.Value),
            BigInteger.Parse(a.ValidAfter), BigInteger.Parse(a.ValidBefore), Hex.DecodeFixed(a.Nonce, 32));
        var transaction = new Dictionary<string, object?>
        {
            ["from"] = Outsider,
            ["to"] = chain.Usdc,
            ["data"] = TokenCalls.TransferWithAuthorization(authorization, EcdsaSignature.Parse(payment.Payload.Signature)),
        };
        var hash = (await chain.Client.CallAsync("eth_sendTransaction", [transaction])).GetString()!;
        if (!(await chain.WaitForReceiptAsync(hash)).Succeeded)
        {
            throw new InvalidOperationException("The outsider's transferWithAuthorization reverted.");
        }
    }

    /// <summary>Changes the merchant's gas price limit; P402 reads it on every verify and settle.</summary>
    public static async Task SetGasPriceLimitAsync(MerchantService merchants, string merchantId, long gasPriceLimitWei)
    {
        var settings = await merchants.GetSettingsAsync(merchantId, CancellationToken.None);
        settings.GasPriceLimitWei = gasPriceLimitWei;
        var errors = await merchants.UpdateSettingsAsync(merchantId, settings, CancellationToken.None);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors.Values));
        }
    }
}
