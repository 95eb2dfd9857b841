using System.Net;
using P402.Core.Chain.Ethereum;
using P402.Merchant;

namespace P402.Dashboard.Demo;

/// <summary>
/// A small x402 client, as a wallet or an AI agent would be one, that the playground drives from the server:
/// GET → 402 → read <c>PAYMENT-REQUIRED</c> → sign the EIP-3009 authorization with the payer's key
/// (<see cref="ExactEvmSigner"/>) → retry with <c>PAYMENT-SIGNATURE</c> → read <c>PAYMENT-RESPONSE</c> and the
/// <c>P402-Receipt</c>. A later call can present that receipt instead of paying. Keys and signatures stay in memory.
/// </summary>
internal sealed class PlaygroundPayer(HttpClient http, TimeProvider time)
{
    /// <summary>Bodies are shown to people, not parsed: a few kilobytes is plenty.</summary>
    public const int MaxBodyChars = 4096;

    /// <summary>Pays <paramref name="resource"/>; <paramref name="merchantToken"/> (the Playground's) says which merchant charges.</summary>
    public async Task<PlaygroundPayment> PayAsync(Uri resource, EthKey payer, string? merchantToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payer);
        using var first = Get(resource, merchantToken);
        using var unpaid = await http.SendAsync(first, cancellationToken);
        var payment = new PlaygroundPayment { Resource = resource, FirstStatus = (int)unpaid.StatusCode };
        if (unpaid.StatusCode != HttpStatusCode.PaymentRequired)
        {
            return payment with
            {
                Body = await BodyAsync(unpaid, cancellationToken),
                Failure = $"Expected 402 Payment Required, got {(int)unpaid.StatusCode} {unpaid.ReasonPhrase}.",
            };
        }
        if (!X402HeaderCodec.TryDecode(Header(unpaid, P402HeaderNames.PaymentRequired), out PaymentRequired? required))
        {
            return payment with { Failure = "The 402 carried no readable PAYMENT-REQUIRED header." };
        }
        payment = payment with { Required = required };
        var accepted = required.Accepts.FirstOrDefault(ExactEvmSigner.CanSign);
        if (accepted is null)
        {
            return payment with { Failure = "None of the offered payment requirements is an exact EIP-3009 payment this payer can sign." };
        }

        var signed = ExactEvmSigner.Sign(accepted, payer, time.GetUtcNow());
        var envelope = new PaymentPayload { X402Version = 2, Resource = required.Resource, Accepted = accepted, Payload = signed };
        using var request = Get(resource, merchantToken);
        request.Headers.Add(P402HeaderNames.PaymentSignature, X402HeaderCodec.Encode(envelope));
        using var paid = await http.SendAsync(request, cancellationToken);
        X402HeaderCodec.TryDecode(Header(paid, P402HeaderNames.PaymentResponse), out PaymentResponse? settlement);
        return payment with
        {
            Accepted = accepted,
            Signed = signed,
            PaidStatus = (int)paid.StatusCode,
            Body = await BodyAsync(paid, cancellationToken),
            Settlement = settlement,
            Refusal = RefusalOf(paid),
            ReceiptId = Header(paid, P402HeaderNames.Receipt),
            ReceiptExpires = Header(paid, P402HeaderNames.ReceiptExpires),
        };
    }

    /// <summary>Calls <paramref name="resource"/> again presenting <paramref name="receiptId"/> instead of a payment.</summary>
    public async Task<PlaygroundReuse> ReuseAsync(Uri resource, string receiptId, string? merchantToken, CancellationToken cancellationToken)
    {
        using var request = Get(resource, merchantToken);
        request.Headers.Add(P402HeaderNames.Receipt, receiptId);
        using var response = await http.SendAsync(request, cancellationToken);
        return new PlaygroundReuse(receiptId, (int)response.StatusCode, await BodyAsync(response, cancellationToken), RefusalOf(response));
    }

    private static HttpRequestMessage Get(Uri resource, string? merchantToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, resource);
        if (merchantToken is not null)
        {
            request.Headers.Add(PlaygroundMerchants.HeaderName, merchantToken);
        }
        return request;
    }

    private static string? RefusalOf(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.PaymentRequired
        && X402HeaderCodec.TryDecode(Header(response, P402HeaderNames.PaymentRequired), out PaymentRequired? required)
            ? required.Error
            : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static async Task<string> BodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Length <= MaxBodyChars ? body : body[..MaxBodyChars] + "…";
    }
}
