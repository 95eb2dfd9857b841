using P402.Core.Merchants;
using P402.Dashboard.Components.Shared;

namespace P402.Dashboard.Components.Pages.Settings;

/// <summary>The settings as a person edits them: gas price in gwei, the rest as stored.</summary>
internal sealed class SettingsForm
{
    public decimal GasPriceLimitGwei { get; set; }

    public long MaxGasPerSettlement { get; set; }

    public int DefaultReceiptTtlSeconds { get; set; }

    public int MaxReceiptTtlSeconds { get; set; }

    public static SettingsForm From(MerchantSettings settings) => new()
    {
        GasPriceLimitGwei = settings.GasPriceLimitWei / Format.WeiPerGwei,
        MaxGasPerSettlement = settings.MaxGasPerSettlement,
        DefaultReceiptTtlSeconds = settings.DefaultReceiptTtlSeconds,
        MaxReceiptTtlSeconds = settings.MaxReceiptTtlSeconds,
    };

    public MerchantSettings ToSettings() => new()
    {
        GasPriceLimitWei = GweiToWei(GasPriceLimitGwei),
        MaxGasPerSettlement = MaxGasPerSettlement,
        DefaultReceiptTtlSeconds = DefaultReceiptTtlSeconds,
        MaxReceiptTtlSeconds = MaxReceiptTtlSeconds,
    };

    /// <summary>Whole wei; values beyond <see cref="long"/> saturate so that validation reports them as too high.</summary>
    public static long GweiToWei(decimal gwei)
    {
        var wei = decimal.Round(gwei * Format.WeiPerGwei, MidpointRounding.AwayFromZero);
        return wei >= long.MaxValue ? long.MaxValue : wei <= long.MinValue ? long.MinValue : (long)wei;
    }

    /// <summary>"1 hour", "30 days", "90 seconds": a hint under a TTL field.</summary>
    public static string Describe(int seconds) => seconds switch
    {
        <= 0 => "—",
        _ when seconds % 86_400 == 0 => Plural(seconds / 86_400, "day"),
        _ when seconds % 3_600 == 0 => Plural(seconds / 3_600, "hour"),
        _ when seconds % 60 == 0 => Plural(seconds / 60, "minute"),
        _ => Plural(seconds, "second"),
    };

    private static string Plural(int n, string unit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n:#,0} {unit}{(n == 1 ? "" : "s")}");
}
