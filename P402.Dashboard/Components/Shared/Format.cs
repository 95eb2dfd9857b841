using System.Globalization;

namespace P402.Dashboard.Components.Shared;

/// <summary>How the dashboard writes money, gas and times: invariant culture, UTC, atomic units converted once here.</summary>
internal static class Format
{
    public const decimal UsdcUnitsPerDollar = 1_000_000m;
    public const decimal WeiPerGwei = 1_000_000_000m;
    public const decimal WeiPerEth = 1_000_000_000_000_000_000m;

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Usdc(long atomic) =>
        (atomic / UsdcUnitsPerDollar).ToString("$#,0.00####", Culture);

    public static string Eth(decimal eth) => eth.ToString("#,0.######", Culture) + " ETH";

    public static string EthFromWei(decimal wei) => Eth(wei / WeiPerEth);

    public static string Gwei(long wei) => (wei / WeiPerGwei).ToString("#,0.###", Culture) + " gwei";

    public static string Number(long value) => value.ToString("#,0", Culture);

    public static string Time(DateTime? utc) =>
        utc is null ? "—" : utc.Value.ToString("yyyy-MM-dd HH:mm", Culture) + " UTC";

    public static string TimeWithSeconds(DateTime? utc) =>
        utc is null ? "—" : utc.Value.ToString("yyyy-MM-dd HH:mm:ss", Culture) + " UTC";

    /// <summary><c>0x1234…abcd</c> for long hex strings; short ones unchanged.</summary>
    public static string Short(string? hex, int keep = 6) =>
        hex is null ? "—" : hex.Length <= keep * 2 + 3 ? hex : $"{hex[..(keep)]}…{hex[^4..]}";
}
