using P402.Core.Merchants;

namespace P402.Dashboard.Components.Pages.Settings;

/// <summary>
/// The settings as a person edits them: text, so that letters or a huge number stay on screen with a message
/// instead of reverting or crashing. <see cref="SettingsText"/> (Core) reads and validates it.
/// </summary>
internal sealed class SettingsForm
{
    public string? GasPriceLimitGwei { get; set; }

    public string? MaxGasPerSettlement { get; set; }

    public string? DefaultReceiptTtlSeconds { get; set; }

    public string? MaxReceiptTtlSeconds { get; set; }

    public static SettingsForm From(MerchantSettings settings)
    {
        var text = SettingsText.From(settings);
        return new SettingsForm
        {
            GasPriceLimitGwei = text.GasPriceLimitGwei,
            MaxGasPerSettlement = text.MaxGasPerSettlement,
            DefaultReceiptTtlSeconds = text.DefaultReceiptTtlSeconds,
            MaxReceiptTtlSeconds = text.MaxReceiptTtlSeconds,
        };
    }

    /// <summary>The settings typed so far and every message about them (empty when they can be saved).</summary>
    public IReadOnlyDictionary<string, string> Read(out MerchantSettings settings) =>
        new SettingsText(GasPriceLimitGwei, MaxGasPerSettlement, DefaultReceiptTtlSeconds, MaxReceiptTtlSeconds).Read(out settings);

    /// <summary>"1 hour", "30 days", "90 seconds": a hint under a TTL field; "—" while it is not a valid number.</summary>
    public static string Describe(string? seconds) =>
        SettingsText.Whole(seconds) is { } value and > 0 and <= int.MaxValue ? Describe((int)value) : "—";

    private static string Describe(int seconds) => seconds switch
    {
        _ when seconds % 86_400 == 0 => Plural(seconds / 86_400, "day"),
        _ when seconds % 3_600 == 0 => Plural(seconds / 3_600, "hour"),
        _ when seconds % 60 == 0 => Plural(seconds / 60, "minute"),
        _ => Plural(seconds, "second"),
    };

    private static string Plural(int n, string unit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n:#,0} {unit}{(n == 1 ? "" : "s")}");
}
