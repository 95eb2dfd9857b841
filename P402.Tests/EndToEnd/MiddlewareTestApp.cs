using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using P402.Core.Chain.Ethereum;
using P402.Core.Merchants;
using P402.Merchant;
using P402.Tests.Infrastructure;

namespace P402.Tests.EndToEnd;

/// <summary>
/// A second, minimal merchant app on its own loopback port, made with P402.Merchant the way a customer would,
/// charging through the real P402 app. Its endpoints bend the flow for tests that must not live in the
/// product: handlers that fail, handlers that spoil the settlement between verify and settle, and 402s that
/// are malformed on purpose.
/// </summary>
internal sealed class MiddlewareTestApp(WebApplication app, Uri baseUrl, EthAddress payTo) : IAsyncDisposable
{
    public const long Price = 10_000;

    /// <summary>P402's first answer to the settle of a payment for this path is lost on its way to the merchant app.</summary>
    public const string SettleAnswerLostPath = "/paid/settle-answer-lost";

    /// <summary>The merchant app's first paid answer on this path never reaches the payer (the connection is dropped).</summary>
    public const string AnswerLostPath = "/paid/answer-lost";

    public Uri BaseUrl => baseUrl;

    /// <summary>A fresh address per app, so its balance moves only with this app's payments.</summary>
    public EthAddress PayTo => payTo;

    public Uri Url(string path) => new(baseUrl, path.TrimStart('/'));

    public static async Task<MiddlewareTestApp> StartAsync(Uri p402BaseUrl, TestMerchant merchant, AnvilChainFixture chain, IServiceProvider p402Services)
    {
        var payTo = EthKey.Generate().Address;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var lostSettles = new HashSet<string>();
        builder.Services.AddP402Client(o =>
        {
            o.BaseUrl = p402BaseUrl;
            o.ApiKey = merchant.ApiKey;
        }).AddHttpMessageHandler(() => new LosesSettleAnswerOnce(SettleAnswerLostPath, lostSettles));
        builder.Services.Configure<P402PaymentOptions>(o => o.PayTo = payTo.ToString());
        var app = builder.Build();
        app.Use(DropsPaidAnswerOnce.For(AnswerLostPath));

        app.MapGet("/broken/{kind}", BrokenPaymentRequired);
        var paid = app.MapGroup("/paid").RequireP402Payment(Price, o => o.ReceiptTtl = TimeSpan.FromMinutes(10));
        paid.MapGet("/ok", () => TypedResults.Ok(new { content = "paid content" }));
        paid.MapGet(SettleAnswerLostPath["/paid".Length..], () => TypedResults.Ok(new { content = "paid content" }));
        paid.MapGet(AnswerLostPath["/paid".Length..], () => TypedResults.Ok(new { content = "paid content" }));
        paid.MapGet("/fails", () => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The handler failed"));
        paid.MapGet("/throws", IResult () => throw new InvalidOperationException("The handler threw."));
        paid.MapGet("/spends-first", async (HttpContext http) =>
        {
            await BetweenVerifyAndSettle.UseAuthorizationOnChainAsync(http.Request, chain);
            return TypedResults.Ok(new { content = "paid content" });
        });
        paid.MapGet("/lowers-gas-limit", async () =>
        {
            await BetweenVerifyAndSettle.SetGasPriceLimitAsync(p402Services.GetRequiredService<MerchantService>(), merchant.MerchantId, 1);
            return TypedResults.Ok(new { content = "paid content" });
        });

        await app.StartAsync();
        var address = app.Urls.First();
        return new MiddlewareTestApp(app, new Uri(address.EndsWith('/') ? address : address + "/"), payTo);
    }

    /// <summary>402 answers an x402 client cannot read: the SDK must say so clearly, and sign nothing.</summary>
    private static IResult BrokenPaymentRequired(string kind, HttpResponse response)
    {
        var header = kind switch
        {
            "not-base64" => "%%% this is not base64 %%%",
            "not-json" => Convert.ToBase64String(Encoding.UTF8.GetBytes("this is not JSON")),
            "no-accepts" => Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"x402Version":2,"error":"pay","accepts":[]}""")),
            "wrong-version" => Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"x402Version":7,"accepts":[{"scheme":"exact"}]}""")),
            _ => null,
        };
        if (header is not null)
        {
            response.Headers["PAYMENT-REQUIRED"] = header;
        }
        return Results.Text(kind == "no-signal" ? "pay me" : "{}", "application/json", statusCode: StatusCodes.Status402PaymentRequired);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
