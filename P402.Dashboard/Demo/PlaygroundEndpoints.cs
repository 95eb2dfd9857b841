using P402.Core.Chain;
using P402.Merchant;

namespace P402.Dashboard.Demo;

/// <summary>
/// <c>GET /demo/playground/weather?city=…</c>: the demo forecast, charged as the merchant whose Playground sent the
/// request (its <see cref="PlaygroundMerchants.HeaderName"/> token): with that merchant's Playground key, to that
/// merchant's address. Without a known token it is not found: it is the Playground's, not a public endpoint.
/// </summary>
internal static class PlaygroundEndpoints
{
    public const string WeatherPath = "/demo/playground/weather";

    public static WebApplication MapP402Playground(this WebApplication app, DemoOptions demo, NetworkOptions network)
    {
        var merchants = app.Services.GetRequiredService<PlaygroundMerchants>();
        var asset = network.Assets[0];
        app.MapGet(WeatherPath, DemoEndpoints.Weather)
            .WithName("PlaygroundWeather")
            .ExcludeFromDescription()
            .AddEndpointFilter(RequireSession)
            .AddEndpointFilter(DemoEndpoints.ValidateCity)
            .RequireP402Payment(price =>
            {
                price.SetAmount(demo.Amount);
                price.PayTo = PlaygroundMerchants.DefaultPayTo;
                price.PayToFor = http => merchants.Find(http.Request.Headers[PlaygroundMerchants.HeaderName].ToString())?.PayTo;
                price.Network = network.Network;
                price.NetworkV1 = network.V1Name;
                price.Asset = asset.Address;
                price.AssetName = asset.Name;
                price.AssetVersion = asset.Version;
                price.Description = "Three-day weather forecast (P402 Playground)";
                price.ReceiptTtl = TimeSpan.FromSeconds(demo.ReceiptTtlSeconds);
            });
        return app;
    }

    private static async ValueTask<object?> RequireSession(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var merchants = context.HttpContext.RequestServices.GetRequiredService<PlaygroundMerchants>();
        return merchants.Find(context.HttpContext.Request.Headers[PlaygroundMerchants.HeaderName].ToString()) is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.",
                detail: "This endpoint belongs to the dashboard's Playground; open the Playground to pay it.")
            : await next(context);
    }
}
