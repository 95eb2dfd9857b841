using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace P402.Merchant;

/// <summary>
/// x402's payment-identifier extension (<c>extensions["payment-identifier"].info.id</c>). P402 answers the same
/// id with the same payment the same way again, success included: that is what makes it safe to ask P402 again
/// when its answer was lost. The payer's id is passed through; a payment without one gets an id of this request.
/// </summary>
internal static class PaymentIdentifier
{
    public const string ExtensionName = "payment-identifier";

    /// <summary>The payer's id, if the payload carries one (well formed or not: P402 judges it).</summary>
    public static string? Read(PaymentPayload payload) =>
        payload.Extensions is { ValueKind: JsonValueKind.Object } extensions
        && extensions.TryGetProperty(ExtensionName, out var extension) && extension.ValueKind == JsonValueKind.Object
        && extension.TryGetProperty("info", out var info) && info.ValueKind == JsonValueKind.Object
        && info.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    /// <summary>The payload as P402 gets it: with the payer's id, or a fresh one for this request (never shared by two requests).</summary>
    public static PaymentPayload Ensure(PaymentPayload payload)
    {
        if (Read(payload) is not null)
        {
            return payload;
        }
        var extensions = payload.Extensions is { ValueKind: JsonValueKind.Object } existing
            ? JsonNode.Parse(existing.GetRawText())!.AsObject()
            : [];
        extensions[ExtensionName] = new JsonObject
        {
            ["info"] = new JsonObject { ["required"] = false, ["id"] = "p402m_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) },
        };
        using var document = JsonDocument.Parse(extensions.ToJsonString());
        return payload with { Extensions = document.RootElement.Clone() };
    }
}
