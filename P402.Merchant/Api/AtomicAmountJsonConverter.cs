using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace P402.Merchant;

/// <summary>Reads an integer amount written either as a JSON string or a JSON number; writes a string.</summary>
internal sealed class AtomicAmountJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number when reader.TryGetDecimal(out var d) && decimal.IsInteger(d) =>
                d.ToString(CultureInfo.InvariantCulture),
            JsonTokenType.Number => throw new JsonException("An amount must be an integer."),
            JsonTokenType.Null => null,
            _ => throw new JsonException("An amount must be a string or a number."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
