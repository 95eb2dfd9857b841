using System.Text.Json.Nodes;
using P402.Merchant;

namespace P402.Tests.Merchant;

/// <summary>Starts the fake P402 and the merchant app around each test.</summary>
public abstract class MerchantTestBase : IAsyncLifetime
{
    private FakeP402? _p402;
    private MerchantApp? _merchant;

    internal FakeP402 P402 => _p402!;

    internal MerchantApp Merchant => _merchant!;

    public async Task InitializeAsync()
    {
        _p402 = await FakeP402.StartAsync();
        _merchant = await MerchantApp.StartAsync(P402Handler);
    }

    public async Task DisposeAsync()
    {
        await _merchant!.DisposeAsync();
        await _p402!.DisposeAsync();
    }

    private protected virtual HttpMessageHandler P402Handler() => P402.CreateHandler();

    internal Task<HttpResponseMessage> SendAsync(string path, string? header = null, string? value = null) =>
        Merchant.Client.SendAsync(TestPayments.Get(path, header, value));

    internal Task<HttpResponseMessage> PayV2Async(string path = "/paid") =>
        SendAsync(path, P402HeaderNames.PaymentSignature, X402HeaderCodec.Encode(TestPayments.V2("http://localhost" + path)));

    internal static PaymentRequired DecodeRequired(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues(P402HeaderNames.PaymentRequired, out var values));
        Assert.True(X402HeaderCodec.TryDecode(values.Single(), out PaymentRequired? required));
        return required;
    }

    internal static PaymentResponse DecodeResponse(HttpResponseMessage response, string header)
    {
        Assert.True(response.Headers.TryGetValues(header, out var values), header + " is missing");
        Assert.True(X402HeaderCodec.TryDecode(values.Single(), out PaymentResponse? decoded));
        return decoded;
    }

    internal static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject)!;
}
