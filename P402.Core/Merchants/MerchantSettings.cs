namespace P402.Core.Merchants;

/// <summary>The merchant's knobs, read on every verify and settle (so a change is in force at once).</summary>
public sealed class MerchantSettings
{
    public const long StandardGasPriceLimitWei = 50_000_000_000; // 50 gwei
    public const long StandardMaxGasPerSettlement = 150_000;
    public const int StandardReceiptTtlSeconds = 3_600;
    public const int StandardMaxReceiptTtlSeconds = 30 * 24 * 3_600;

    /// <summary>Verify refuses with GAS_PRICE_TOO_HIGH above this; settle caps maxFeePerGas at it.</summary>
    public long GasPriceLimitWei { get; set; } = StandardGasPriceLimitWei;

    /// <summary>Gas limit of one settlement transaction.</summary>
    public long MaxGasPerSettlement { get; set; } = StandardMaxGasPerSettlement;

    public int DefaultReceiptTtlSeconds { get; set; } = StandardReceiptTtlSeconds;

    public int MaxReceiptTtlSeconds { get; set; } = StandardMaxReceiptTtlSeconds;

    internal MerchantSettings Copy() => (MerchantSettings)MemberwiseClone();
}
