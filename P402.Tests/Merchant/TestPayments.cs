using P402.Merchant;

namespace P402.Tests.Merchant;

/// <summary>Payment headers as a payer would send them (the fake P402 does not check signatures).</summary>
internal static class TestPayments
{
    public const string Payer = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    public const string PayTo = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    public const string TxHash = "0x9ec527fd101c51abac28dd7a60ae2408a450792bb8fc1f3bbe6bdde735f7f67d";
    public const string ReceiptId = "rcpt_01JFAKE0000000000000000000";
    public const string Signature =
        "0x6e725dfdfd650e8bcc1e4d6a9bc8f356bd22539a082524440a510b34feeddc114b696490355cde865fc04df462ea8d5ad5e6edf18a89a8c4fe2ec809c885eb0e1b";

    public static PaymentRequirements Accepted(string amount = "10000") => new()
    {
        Scheme = "exact", Network = "eip155:8453", Amount = amount, PayTo = PayTo, MaxTimeoutSeconds = 60,
        Asset = P402PaymentOptions.BaseUsdc, Extra = new PaymentExtra("USD Coin", "2"),
    };

    public static PaymentPayload V2(string resourceUrl, string amount = "10000") => new()
    {
        X402Version = 2,
        Resource = new PaymentResource { Url = resourceUrl },
        Accepted = Accepted(amount),
        Payload = Exact(amount),
    };

    public static PaymentPayload V1(string amount = "10000") => new()
    {
        X402Version = 1, Scheme = "exact", Network = "base", Payload = Exact(amount),
    };

    public static ExactEvmPayload Exact(string amount) => new()
    {
        Signature = Signature,
        Authorization = new TransferAuthorization
        {
            From = Payer, To = PayTo, Value = amount, ValidAfter = "0", ValidBefore = "1900000000",
            Nonce = "0x" + new string('1', 64),
        },
    };

    public static HttpRequestMessage Get(string path, string? header = null, string? value = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }
        return request;
    }
}
