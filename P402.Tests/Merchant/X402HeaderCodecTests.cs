using System.Text;
using System.Text.Json.Nodes;
using P402.Merchant;

namespace P402.Tests.Merchant;

public sealed class X402HeaderCodecTests
{
    [Fact]
    public void Encode_PaymentPayload_IsStandardBase64OfCamelCaseJson()
    {
        var header = X402HeaderCodec.Encode(TestPayments.V2("https://shop.example/paid"));

        var json = JsonNode.Parse(Convert.FromBase64String(header))!.AsObject();
        Assert.Equal(2, (int)json["x402Version"]!);
        Assert.Equal("https://shop.example/paid", (string?)json["resource"]!["url"]);
        Assert.Equal("10000", json["accepted"]!["amount"]!.GetValue<string>());
        Assert.Equal(60, json["accepted"]!["maxTimeoutSeconds"]!.GetValue<int>());
        Assert.Equal("1900000000", json["payload"]!["authorization"]!["validBefore"]!.GetValue<string>());
        Assert.False(json.ContainsKey("scheme"));
        Assert.False(json["accepted"]!.AsObject().ContainsKey("maxAmountRequired"));
    }

    [Fact]
    public void TryDecode_WhatEncodeWrote_RoundTrips()
    {
        var payload = TestPayments.V1();

        Assert.True(X402HeaderCodec.TryDecode(X402HeaderCodec.Encode(payload), out PaymentPayload? decoded));

        Assert.Equal(payload.Payload.Authorization, decoded.Payload.Authorization);
        Assert.Equal((1, "exact", "base"), (decoded.X402Version, decoded.Scheme, decoded.Network));
    }

    [Fact]
    public void TryDecode_PaymentResponseFromAnotherImplementation_ReadsIt()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"success":false,"errorReason":"settlement_pending","transaction":"0xabc","network":"eip155:8453","payer":"0x1","extra":1}"""));

        Assert.True(X402HeaderCodec.TryDecode(header, out PaymentResponse? response));

        Assert.Equal((false, "settlement_pending", "0xabc"), (response.Success, response.ErrorReason, response.Transaction));
    }

    [Theory]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("e30=")] // {}: no x402Version, no payload
    [InlineData("W10=")] // []
    [InlineData("bnVsbA==")] // null
    [InlineData("/w==")] // 0xFF: not UTF-8
    public void TryDecode_Malformed_IsFalse(string header)
    {
        Assert.False(X402HeaderCodec.TryDecode(header, out PaymentPayload? _));
    }

    [Fact]
    public void TryDecode_UnpaddedUrlSafeBase64_IsAccepted()
    {
        var standard = X402HeaderCodec.Encode(TestPayments.V1());
        var header = standard.TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.NotEqual(standard, header);

        Assert.True(X402HeaderCodec.TryDecode(header, out PaymentPayload? decoded));

        Assert.Equal(TestPayments.Signature, decoded.Payload.Signature);
    }

    [Fact]
    public void TryDecode_WrongTypes_IsFalse()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"x402Version":"two","payload":{"signature":"0x","authorization":{}}}"""));

        Assert.False(X402HeaderCodec.TryDecode(header, out PaymentPayload? _));
    }

    [Fact]
    public void TryDecode_OverlongHeader_IsFalse()
    {
        var huge = X402HeaderCodec.Encode(TestPayments.V2("https://shop.example/" + new string('a', X402HeaderCodec.MaxHeaderLength)));

        Assert.False(X402HeaderCodec.TryDecode(huge, out PaymentPayload? _));
    }
}
