using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using P402.Merchant;

namespace P402.Tests.Merchant;

/// <summary>A tiny real merchant app, in-process, whose endpoints are paid through the filter under test.</summary>
internal sealed class MerchantApp : IAsyncDisposable
{
    public const string Secret = "the paid content";

    private readonly WebApplication _app;
    private int _handlerRuns;

    private MerchantApp(WebApplication app) => _app = app;

    /// <summary>Talks to the merchant app (available once started).</summary>
    public HttpClient Client { get; private set; } = null!;

    public int HandlerRuns => _handlerRuns;

    public CapturingLoggerProvider Logs { get; } = new();

    /// <param name="p402Handler">How the P402 client reaches P402: the fake's handler, or one that fails.</param>
    public static async Task<MerchantApp> StartAsync(Func<HttpMessageHandler> p402Handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddP402Client(o =>
        {
            o.BaseUrl = new Uri("http://p402.test/");
            o.ApiKey = FakeP402.ApiKey;
        }).ConfigurePrimaryHttpMessageHandler(p402Handler);
        // App-wide default: every paid endpoint pays the same address.
        builder.Services.Configure<P402PaymentOptions>(o => o.PayTo = TestPayments.PayTo);
        var app = builder.Build();
        var merchant = new MerchantApp(app);
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(merchant.Logs);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return Task.CompletedTask;
            },
        });
        merchant.Map(app);
        await app.StartAsync();
        merchant.Client = app.GetTestClient();
        return merchant;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapGet("/paid", () => Run(TypedResults.Ok(new { secret = Secret })))
            .RequireP402Payment(price =>
            {
                price.Amount = "10000";
                price.Description = "A paid thing";
                price.ReceiptTtl = TimeSpan.FromMinutes(10);
            });
        app.MapGet("/throws", IResult () => Run<IResult>(null!) ?? throw new InvalidOperationException("handler failed"))
            .RequireP402Payment(10_000);
        app.MapGet("/fails", () => Run(Results.Problem(statusCode: 500, detail: Secret))).RequireP402Payment(10_000);
        app.MapGet("/union", Results<Ok<string>, NotFound> () => Run(TypedResults.NotFound())).RequireP402Payment(10_000);
        app.MapGet("/plain", () => Run(Secret)).RequireP402Payment(10_000);
    }

    private T Run<T>(T result)
    {
        Interlocked.Increment(ref _handlerRuns);
        return result;
    }
}
