using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace P402.Merchant;

/// <summary>
/// Base64 (standard alphabet, padded) of UTF-8 JSON: the encoding of every x402 header value.
/// Decoding also accepts missing padding and the URL-safe alphabet, and never throws: a malformed value
/// is <see langword="false"/>.
/// </summary>
public static class X402HeaderCodec
{
    /// <summary>Longer header values are refused before decoding.</summary>
    public const int MaxHeaderLength = 16 * 1024;

    public static string Encode(PaymentRequired value) => Encode(value, P402JsonContext.Default.PaymentRequired);

    public static string Encode(PaymentPayload value) => Encode(value, P402JsonContext.Default.PaymentPayload);

    public static string Encode(PaymentResponse value) => Encode(value, P402JsonContext.Default.PaymentResponse);

    public static bool TryDecode(string? header, [NotNullWhen(true)] out PaymentRequired? value) =>
        TryDecode(header, P402JsonContext.Default.PaymentRequired, out value);

    public static bool TryDecode(string? header, [NotNullWhen(true)] out PaymentPayload? value) =>
        TryDecode(header, P402JsonContext.Default.PaymentPayload, out value);

    public static bool TryDecode(string? header, [NotNullWhen(true)] out PaymentResponse? value) =>
        TryDecode(header, P402JsonContext.Default.PaymentResponse, out value);

    private static string Encode<T>(T value, JsonTypeInfo<T> type) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value, type));

    private static bool TryDecode<T>(string? header, JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value)
        where T : class
    {
        value = null;
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxHeaderLength)
        {
            return false;
        }
        var bytes = new byte[header.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(Canonical(header.Trim()), bytes, out var written))
        {
            return false;
        }
        try
        {
            value = JsonSerializer.Deserialize(bytes.AsSpan(0, written), type);
            return value is not null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            // Not JSON, the wrong shape, a missing required member or invalid UTF-8.
            return false;
        }
    }

    private static string Canonical(string value)
    {
        var text = value.Replace('-', '+').Replace('_', '/');
        return (text.Length % 4) switch
        {
            2 => text + "==",
            3 => text + "=",
            _ => text,
        };
    }
}
