using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using P402.Core.Chain;
using P402.Merchant;

namespace P402.Dashboard.Demo;

/// <summary>
/// <c>GET /demo/weather?city=…</c>: a paid endpoint made with P402.Merchant, the way a merchant would make
/// one, on the first configured network and token. The city is checked before the payment filter, so a
/// bad request is refused without asking anyone to pay.
/// </summary>
internal static class DemoEndpoints
{
    public const string WeatherPath = "/demo/weather";
    public const int MaxCityLength = 60;

    public static WebApplication MapP402Demo(this WebApplication app)
    {
        if (app.Services.GetRequiredService<DemoConnection>().Mode == DemoMode.Off)
        {
            return app;
        }
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var network = app.Services.GetRequiredService<IOptions<ChainOptions>>().Value.EffectiveNetworks[0];
        var asset = network.Assets[0];
        app.MapGet(WeatherPath, Weather)
            .WithName("DemoWeather")
            .WithSummary("Demo: a three-day forecast, paid with x402 through P402.")
            .ExcludeFromDescription()
            .AddEndpointFilter(ValidateCity)
            .RequireP402Payment(price =>
            {
                price.SetAmount(demo.Amount);
                price.PayTo = demo.PayTo;
                price.Network = network.Network;
                price.NetworkV1 = network.V1Name;
                price.Asset = asset.Address;
                price.AssetName = asset.Name;
                price.AssetVersion = asset.Version;
                price.Description = "Three-day weather forecast (P402 demo)";
                price.ReceiptTtl = TimeSpan.FromSeconds(demo.ReceiptTtlSeconds);
            });
        app.MapP402Playground(demo, network);
        return app;
    }

    // Optional at binding so that a missing city reaches ValidateCity (a 400 problem) instead of a bad-request exception.
    public static Ok<DemoForecast> Weather(string? city, TimeProvider time) =>
        TypedResults.Ok(DemoForecast.For((city ?? "").Trim(), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));

    internal static async ValueTask<object?> ValidateCity(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var city = context.HttpContext.Request.Query["city"].ToString().Trim();
        if (city.Length is 0 or > MaxCityLength || !city.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '.'))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["city"] = [$"Give a city name of 1 to {MaxCityLength} letters, e.g. ?city=Lisbon."],
            });
        }
        return await next(context);
    }
}
