namespace P402.Merchant;

/// <summary>
/// Where P402 is and the merchant API key to call it with (<c>p402_live_…</c> / <c>p402_test_…</c>).
/// Validated at start. Keep the key out of appsettings.json: user-secrets or the environment.
/// </summary>
public sealed class P402ClientOptions
{
    /// <summary>The conventional configuration section, <c>P402</c>.</summary>
    public const string SectionName = "P402";

    /// <summary>P402's root URL, e.g. <c>https://p402.example.com/</c>; a path prefix is kept.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>A merchant API key. Never logged, never in an exception or <see cref="ToString"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Per-request timeout; a settle waits for the chain, so keep it well above a block time.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public override string ToString() =>
        $"P402ClientOptions {{ BaseUrl = {BaseUrl}, ApiKey = {ApiKeyDisplay(ApiKey)}, Timeout = {Timeout} }}";

    internal static string ApiKeyDisplay(string? key) => key switch
    {
        null or "" => "(none)",
        _ when key.StartsWith("p402_live_", StringComparison.Ordinal) => "p402_live_***",
        _ when key.StartsWith("p402_test_", StringComparison.Ordinal) => "p402_test_***",
        _ => "***",
    };
}
