using System.Text.Json;

namespace P402.Core.Payments.Identifiers;

/// <summary>
/// x402's <c>payment-identifier</c> extension on a payment payload:
/// <c>extensions["payment-identifier"].info.id</c>, 16–128 characters of <c>[A-Za-z0-9_-]</c>.
/// </summary>
public static class PaymentId
{
    public const string ExtensionName = "payment-identifier";

    public const int MinLength = 16;

    public const int MaxLength = 128;

    /// <summary>The id, or null when the payload carries none; a malformed extension or id throws <see cref="PaymentFormatException"/>.</summary>
    public static string? Read(JsonElement? extensions)
    {
        if (extensions is not { ValueKind: JsonValueKind.Object } all || !all.TryGetProperty(ExtensionName, out var extension)
            || extension.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (extension.ValueKind != JsonValueKind.Object)
        {
            throw new PaymentFormatException($"paymentPayload.extensions.{ExtensionName} must be an object.");
        }
        if (!extension.TryGetProperty("info", out var info) || info.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (info.ValueKind != JsonValueKind.Object)
        {
            throw new PaymentFormatException($"paymentPayload.extensions.{ExtensionName}.info must be an object.");
        }
        if (!info.TryGetProperty("id", out var id) || id.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return id.ValueKind == JsonValueKind.String && IsValid(id.GetString()!)
            ? id.GetString()
            : throw new PaymentFormatException(
                $"paymentPayload.extensions.{ExtensionName}.info.id must be {MinLength}-{MaxLength} characters of letters, digits, '-' and '_'.");
    }

    public static bool IsValid(string id) =>
        id.Length is >= MinLength and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
