using System.Globalization;
using System.Numerics;

namespace P402.Core.Merchants;

/// <summary>
/// The settings as a person types them in the dashboard: the gas price in gwei (decimals allowed), the rest as
/// whole numbers. <see cref="Read"/> turns the text into <see cref="MerchantSettings"/> and answers every
/// problem with a message: text that is not a number is an error of its field, and a number of any size is
/// compared with the limits (never converted so that it overflows). The limits are
/// <see cref="SettingsValidation"/>'s, the same the API applies.
/// </summary>
public sealed record SettingsText(string? GasPriceLimitGwei, string? MaxGasPerSettlement, string? DefaultReceiptTtlSeconds, string? MaxReceiptTtlSeconds)
{
    private const NumberStyles WholeStyle = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands;

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static SettingsText From(MerchantSettings settings) => new(
        ((decimal)settings.GasPriceLimitWei / SettingsValidation.WeiPerGwei).ToString("0.#########", Culture),
        settings.MaxGasPerSettlement.ToString(Culture),
        settings.DefaultReceiptTtlSeconds.ToString(Culture),
        settings.MaxReceiptTtlSeconds.ToString(Culture));

    /// <summary>The settings the text stands for, and field name → message for everything wrong with it (empty when valid).</summary>
    public IReadOnlyDictionary<string, string> Read(out MerchantSettings settings)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        settings = new MerchantSettings
        {
            GasPriceLimitWei = GweiToWei(GasPriceLimitGwei) ?? Invalid(errors, nameof(MerchantSettings.GasPriceLimitWei),
                "Enter the gas price limit in gwei as a number, e.g. 50 or 12.5."),
            MaxGasPerSettlement = Whole(MaxGasPerSettlement) ?? Invalid(errors, nameof(MerchantSettings.MaxGasPerSettlement),
                "Enter the gas per settlement as a whole number, e.g. 150000."),
            DefaultReceiptTtlSeconds = ToInt(Whole(DefaultReceiptTtlSeconds) ?? Invalid(errors, nameof(MerchantSettings.DefaultReceiptTtlSeconds),
                "Enter the default receipt TTL as a whole number of seconds, e.g. 3600.")),
            MaxReceiptTtlSeconds = ToInt(Whole(MaxReceiptTtlSeconds) ?? Invalid(errors, nameof(MerchantSettings.MaxReceiptTtlSeconds),
                "Enter the maximum receipt TTL as a whole number of seconds, e.g. 86400.")),
        };
        var unreadable = errors.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var (field, message) in SettingsValidation.Validate(settings))
        {
            // A rule that compares two fields says nothing useful while the other one is not a number.
            var crossField = field == nameof(MerchantSettings.DefaultReceiptTtlSeconds) && unreadable.Contains(nameof(MerchantSettings.MaxReceiptTtlSeconds));
            if (!crossField)
            {
                errors.TryAdd(field, message);
            }
        }
        return errors;
    }

    /// <summary>
    /// Gwei text as whole wei, or null when it is not a number. Values beyond <see cref="long"/> saturate (so that
    /// validation calls them too high); the check comes before the multiplication, which therefore cannot overflow.
    /// </summary>
    public static long? GweiToWei(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim().Replace(",", "", StringComparison.Ordinal);
        var point = trimmed.IndexOf('.', StringComparison.Ordinal);
        var wholePart = point < 0 ? trimmed : trimmed[..point];
        if (wholePart is "" or "-" or "+")
        {
            wholePart += "0";
        }
        if (!BigInteger.TryParse(wholePart, WholeStyle, Culture, out var whole)
            || (point >= 0 && !trimmed[(point + 1)..].All(char.IsAsciiDigit)))
        {
            return null;
        }
        if (BigInteger.Abs(whole) > long.MaxValue / SettingsValidation.WeiPerGwei)
        {
            return whole.Sign > 0 ? long.MaxValue : long.MinValue;
        }
        // |whole| < 9.3e9 gwei: at most 28 significant digits with the fraction, inside decimal's range.
        var fraction = point >= 0 && trimmed.Length > point + 1
            ? decimal.Parse("0" + trimmed[point..], NumberStyles.AllowDecimalPoint, Culture)
            : 0m;
        var gwei = (decimal)whole + (whole.Sign < 0 || trimmed.StartsWith('-') ? -fraction : fraction);
        return (long)decimal.Round(gwei * SettingsValidation.WeiPerGwei, MidpointRounding.AwayFromZero);
    }

    /// <summary>A whole number of any size, saturated to <see cref="long"/>; null when the text is not one.</summary>
    public static long? Whole(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !BigInteger.TryParse(text, WholeStyle, Culture, out var value))
        {
            return null;
        }
        return value > long.MaxValue ? long.MaxValue : value < long.MinValue ? long.MinValue : (long)value;
    }

    private static long Invalid(Dictionary<string, string> errors, string field, string message)
    {
        errors[field] = message;
        return 0;
    }

    // Out-of-range values stay out of range (and so fail validation with the usual message) instead of wrapping.
    private static int ToInt(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);
}
