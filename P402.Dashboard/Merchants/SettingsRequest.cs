using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using P402.Core.Merchants;

namespace P402.Dashboard.Merchants;

/// <summary>
/// Reads <c>PUT /api/v1/settings</c>: every field optional (left out or null keeps the current value), each a
/// whole number (<c>gasPriceLimitWei</c> also as a decimal string). A field of the wrong form is an error
/// of that field, so that one 400 lists everything wrong with the body.
/// </summary>
internal static class SettingsRequest
{
    public static MerchantSettings Apply(JsonObject body, MerchantSettings current, Dictionary<string, string[]> errors)
    {
        return new MerchantSettings
        {
            GasPriceLimitWei = Read(body, nameof(MerchantSettings.GasPriceLimitWei), errors, allowString: true) ?? current.GasPriceLimitWei,
            MaxGasPerSettlement = Read(body, nameof(MerchantSettings.MaxGasPerSettlement), errors) ?? current.MaxGasPerSettlement,
            DefaultReceiptTtlSeconds = ToInt(Read(body, nameof(MerchantSettings.DefaultReceiptTtlSeconds), errors)) ?? current.DefaultReceiptTtlSeconds,
            MaxReceiptTtlSeconds = ToInt(Read(body, nameof(MerchantSettings.MaxReceiptTtlSeconds), errors)) ?? current.MaxReceiptTtlSeconds,
        };
    }

    /// <summary>The API's (camelCase) name of a settings property.</summary>
    public static string FieldName(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);

    private static long? Read(JsonObject body, string property, Dictionary<string, string[]> errors, bool allowString = false)
    {
        var field = FieldName(property);
        if (!body.TryGetPropertyValue(field, out var node) || node is null)
        {
            return null;
        }
        if (node is JsonValue value && (value.TryGetValue<long>(out var number)
            || (allowString && value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number))))
        {
            return number;
        }
        errors[field] = [allowString ? $"{field} must be a whole number (or a string of digits)." : $"{field} must be a whole number."];
        return null;
    }

    // Out-of-range values stay out of range (and so fail validation with the usual message) instead of wrapping.
    private static int? ToInt(long? value) => value is { } v ? (int)Math.Clamp(v, int.MinValue, int.MaxValue) : null;
}
