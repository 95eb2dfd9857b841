using Microsoft.Extensions.Options;
using P402.Core.Chain;
using P402.Merchant;

namespace P402.Dashboard.Demo;

/// <summary>
/// Composes the demo paid endpoint: its options, the start-up step that prepares the demo merchant, and
/// the <see cref="IP402Client"/> the P402.Merchant middleware uses to call this app over HTTP.
/// </summary>
internal static class DemoComposition
{
    public static WebApplicationBuilder AddP402Demo(this WebApplicationBuilder builder)
    {
        // Whether the demo is on is decided from the options once the host is built (not from
        // builder.Configuration now): test hosts and later configuration sources may still change them.
        builder.Services.AddP402Playground();
        var services = builder.Services;
        services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.SectionName))
            .Validate(o => o.Enabled == false || (o.PayTo is { Length: 42 } && o.PayTo.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && o.PayTo[2..].All(char.IsAsciiHexDigit)),
                "Demo:PayTo must be an address, 0x followed by 40 hex digits.")
            .Validate(o => o.Enabled == false || o.Amount > 0, "Demo:Amount must be a positive number of atomic units.")
            .Validate(o => o.Enabled == false || o.ReceiptTtlSeconds > 0, "Demo:ReceiptTtlSeconds must be positive.")
            .Validate(o => o.P402BaseUrl is null || (o.P402BaseUrl.IsAbsoluteUri && o.P402BaseUrl.Scheme is "http" or "https"),
                "Demo:P402BaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddSingleton(provider => new DemoConnection
        {
            Mode = ModeOf(provider.GetRequiredService<IOptions<DemoOptions>>().Value,
                provider.GetRequiredService<IOptions<ChainOptions>>().Value.Mode,
                provider.GetRequiredService<IHostEnvironment>().IsDevelopment()),
        });
        services.AddSingleton<DemoMerchantStore>();
        services.AddHostedService<DemoMerchantBootstrapper>();
        services.AddTransient<DemoP402Handler>();
        services.AddHttpClient<IP402Client, P402Client>(http =>
            {
                http.BaseAddress = DemoP402Handler.Placeholder;
                http.Timeout = TimeSpan.FromSeconds(60);
            })
            .AddHttpMessageHandler<DemoP402Handler>()
            .RedactLoggedHeaders(_ => true);
        return builder;
    }

    /// <summary>
    /// Off when <c>Demo:Enabled</c> is false. A configured key wins. Otherwise the start-up demo merchant:
    /// by default on the dev chain in Development, or wherever <c>Demo:Enabled</c> is explicitly true.
    /// </summary>
    internal static DemoMode ModeOf(DemoOptions demo, ChainMode chainMode, bool isDevelopment) => demo switch
    {
        { Enabled: false } => DemoMode.Off,
        { ApiKey.Length: > 0 } => DemoMode.ConfiguredKey,
        { Enabled: true } => DemoMode.Bootstrap,
        _ => chainMode == ChainMode.Dev && isDevelopment ? DemoMode.Bootstrap : DemoMode.Off,
    };
}
