using System.Globalization;
using P402.Core.Merchants;

namespace P402.Dashboard.Merchants;

/// <summary>The merchant's settings as the API shows them; wei as a decimal string; <c>maxGasGuide</c> says what real USDC needs.</summary>
public sealed record SettingsResponse(string GasPriceLimitWei, long MaxGasPerSettlement, int DefaultReceiptTtlSeconds, int MaxReceiptTtlSeconds,
    MaxGasGuide MaxGasGuide, string RequestId)
{
    public static SettingsResponse From(MerchantSettings settings, string requestId) => new(
        settings.GasPriceLimitWei.ToString(CultureInfo.InvariantCulture), settings.MaxGasPerSettlement,
        settings.DefaultReceiptTtlSeconds, settings.MaxReceiptTtlSeconds, MaxGasGuide.Usdc, requestId);
}
