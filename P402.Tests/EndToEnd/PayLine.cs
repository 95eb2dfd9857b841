using System.Text.Json;

namespace P402.Tests.EndToEnd;

/// <summary>One <c>p402Fetch</c> call as pay.mjs reports it: a response, or the SDK's error.</summary>
internal sealed record PayLine(JsonElement Json)
{
    public int? Status => Json.TryGetProperty("status", out var status) ? status.GetInt32() : null;

    public JsonElement? PaymentResponse => Json.TryGetProperty("paymentResponse", out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public string? Receipt => Json.TryGetProperty("receipt", out var value) ? value.GetString() : null;

    public string? ReceiptExpires => Json.TryGetProperty("receiptExpires", out var value) ? value.GetString() : null;

    public JsonElement? Error => Json.TryGetProperty("error", out var value) ? value : null;

    public string? ErrorCode => Error?.GetProperty("code").GetString();

    /// <summary>Signatures made by the wallet since the node process started.</summary>
    public int Signatures => Json.GetProperty("signatures").GetInt32();

    public IReadOnlyList<JsonElement> Payments => [.. Json.GetProperty("payments").EnumerateArray()];

    /// <summary>Each HTTP round trip of this call: the x402/P402 header names sent and received, and the status.</summary>
    public IReadOnlyList<(string[] Sent, int Status, string[] Received)> Exchanges =>
        [.. Json.GetProperty("exchanges").EnumerateArray().Select(e => (
            e.GetProperty("sent").EnumerateArray().Select(h => h.GetString()!).ToArray(),
            e.GetProperty("status").GetInt32(),
            e.GetProperty("received").EnumerateArray().Select(h => h.GetString()!).ToArray()))];

    public JsonElement Body => Json.GetProperty("body");

    public override string ToString() => Json.ToString();
}
