namespace P402.Dashboard.Demo;

/// <summary>
/// Section <c>Demo</c>: the dashboard's own paid endpoint, <c>GET /demo/weather</c>, charged through the
/// P402.Merchant middleware against this very app. On by default only on the dev chain in Development,
/// where a start-up step makes a "Demo merchant" and a fresh in-memory API key. Elsewhere it is off unless
/// <see cref="ApiKey"/> is given (from the environment: <c>Demo__ApiKey</c>) or <see cref="Enabled"/> is true.
/// </summary>
internal sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>anvil's account 5: receives the demo's payments on the dev chain.</summary>
    public const string DefaultPayTo = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc";

    /// <summary>Null: on with Chain:Mode=Dev in Development, or when <see cref="ApiKey"/> is set. False: always off.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Who the demo's payments go to.</summary>
    public string PayTo { get; set; } = DefaultPayTo;

    /// <summary>The price in atomic units (USDC: 10000 = $0.01).</summary>
    public long Amount { get; set; } = 10_000;

    /// <summary>The lifetime of the receipt each payment buys.</summary>
    public int ReceiptTtlSeconds { get; set; } = 600;

    /// <summary>How the demo reaches P402 (this app); null takes the server's own listening address.</summary>
    public Uri? P402BaseUrl { get; set; }

    /// <summary>
    /// A merchant key to charge with instead of the start-up demo merchant. Never in appsettings.json;
    /// never logged.
    /// </summary>
    public string? ApiKey { get; set; }

    public override string ToString() =>
        $"DemoOptions {{ Enabled = {Enabled}, PayTo = {PayTo}, Amount = {Amount}, P402BaseUrl = {P402BaseUrl}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")} }}";
}
