namespace P402.Core.Merchants;

/// <summary>The rules a merchant's settings must keep; the page and the API show the same messages.</summary>
public static class SettingsValidation
{
    public const long MaxGasPriceLimitWei = 10_000_000_000_000; // 10,000 gwei
    public const long MinGasPerSettlement = 60_000;              // transferWithAuthorization needs ~55k-90k
    public const long MaxGasPerSettlement = 1_000_000;
    public const int MinReceiptTtlSeconds = 1;
    public const int MaxReceiptTtlSeconds = 365 * 24 * 3_600;
    public const long WeiPerGwei = 1_000_000_000;

    /// <summary>Field name → message for every broken rule; empty when the settings are valid.</summary>
    public static IReadOnlyDictionary<string, string> Validate(MerchantSettings settings)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (settings.GasPriceLimitWei is <= 0 or > MaxGasPriceLimitWei)
        {
            errors[nameof(settings.GasPriceLimitWei)] = "The gas price limit must be above 0 and at most 10,000 gwei.";
        }
        if (settings.MaxGasPerSettlement is < MinGasPerSettlement or > MaxGasPerSettlement)
        {
            errors[nameof(settings.MaxGasPerSettlement)] = "Gas per settlement must be between 60,000 and 1,000,000.";
        }
        if (settings.MaxReceiptTtlSeconds is < MinReceiptTtlSeconds or > MaxReceiptTtlSeconds)
        {
            errors[nameof(settings.MaxReceiptTtlSeconds)] = "The maximum receipt TTL must be between 1 second and 365 days.";
        }
        if (settings.DefaultReceiptTtlSeconds < MinReceiptTtlSeconds || settings.DefaultReceiptTtlSeconds > settings.MaxReceiptTtlSeconds)
        {
            errors[nameof(settings.DefaultReceiptTtlSeconds)] = "The default receipt TTL must be at least 1 second and not above the maximum.";
        }
        return errors;
    }
}
