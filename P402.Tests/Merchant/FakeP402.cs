using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace P402.Tests.Merchant;

/// <summary>
/// An in-process stand-in for P402 that answers /verify, /settle and the receipt verify per the REST contract,
/// records what it was sent, and can be told to refuse. Merchant-side unit tests only: the real P402 is
/// exercised by the end-to-end tests.
/// </summary>
internal sealed class FakeP402 : IAsyncDisposable
{
    public const string ApiKey = "p402_test_0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly WebApplication _app;

    private FakeP402(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonObject> VerifyRequests { get; } = new();

    public ConcurrentQueue<JsonObject> SettleRequests { get; } = new();

    public ConcurrentQueue<(string Id, string? Resource)> ReceiptVerifications { get; } = new();

    /// <summary>Receipts the fake knows: id → (resource URL, reason it is unusable or null when active).</summary>
    public ConcurrentDictionary<string, (string Resource, string? Refusal)> Receipts { get; } = new();

    public string? InvalidReason { get; set; }

    public string? SettleErrorReason { get; set; }

    /// <summary>When set, every endpoint answers this status with a problem+json body.</summary>
    public int? FailWithStatus { get; set; }

    /// <summary>Limits <see cref="FailWithStatus"/> to one path, e.g. <c>/settle</c>.</summary>
    public string? FailOnlyPath { get; set; }

    public static async Task<FakeP402> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeP402(app);
        app.Use(fake.GuardAsync);
        app.MapPost("/verify", async (HttpRequest request) => fake.Verify(await ReadAsync(request)));
        app.MapPost("/settle", async (HttpRequest request) => fake.Settle(await ReadAsync(request)));
        app.MapGet("/api/v1/receipts/{id}/verify", (string id, string? resource) => fake.VerifyReceipt(id, resource));
        await app.StartAsync();
        return fake;
    }

    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers["Request-Id"] = "req_fake";
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + ApiKey)
        {
            await Results.Problem(statusCode: 401, title: "Unauthorized", detail: "Missing or invalid API key.",
                extensions: new Dictionary<string, object?> { ["requestId"] = "req_fake" }).ExecuteAsync(context);
            return;
        }
        if (FailWithStatus is { } status && (FailOnlyPath is null || context.Request.Path == FailOnlyPath))
        {
            await Results.Problem(statusCode: status, title: "Broken", detail: "The fake was told to fail.",
                extensions: new Dictionary<string, object?> { ["requestId"] = "req_fake" }).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static async Task<JsonObject> ReadAsync(HttpRequest request) =>
        (JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) as JsonObject)!;

    private IResult Verify(JsonObject body)
    {
        VerifyRequests.Enqueue(body);
        var payer = (string?)body["paymentPayload"]?["payload"]?["authorization"]?["from"];
        return Results.Json(new JsonObject
        {
            ["isValid"] = InvalidReason is null, ["invalidReason"] = InvalidReason, ["payer"] = payer,
            ["valid"] = InvalidReason is null, ["requestId"] = "req_fake",
        });
    }

    private IResult Settle(JsonObject body)
    {
        SettleRequests.Enqueue(body);
        var version = (int)body["x402Version"]!;
        var network = version == 2 ? "eip155:8453" : "base";
        var payer = (string?)body["paymentPayload"]?["payload"]?["authorization"]?["from"];
        var success = SettleErrorReason is null;
        var answer = new JsonObject
        {
            ["success"] = success, ["errorReason"] = SettleErrorReason, ["transaction"] = success ? TestPayments.TxHash : "",
            ["network"] = network, ["payer"] = payer, ["txHash"] = success ? TestPayments.TxHash : null, ["valid"] = success,
            ["requestId"] = "req_fake", ["settlementId"] = success ? "stl_01FAKE" : null,
        };
        if (success && body["receipt"] is JsonObject receipt)
        {
            var ttl = (int?)receipt["ttlSeconds"] ?? 3600;
            answer["receipt"] = new JsonObject
            {
                ["id"] = TestPayments.ReceiptId, ["settlementId"] = "stl_01FAKE", ["payer"] = payer, ["reuseCount"] = 0,
                ["resource"] = (string?)body["paymentPayload"]?["resource"]?["url"] ?? (string?)body["paymentRequirements"]?["resource"],
                ["createdAt"] = "2026-11-24T10:00:00Z",
                ["expiresAt"] = DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture).AddSeconds(ttl),
                ["state"] = "active",
            };
        }
        return Results.Json(answer);
    }

    private IResult VerifyReceipt(string id, string? resource)
    {
        ReceiptVerifications.Enqueue((id, resource));
        if (!Receipts.TryGetValue(id, out var receipt))
        {
            return Refused("RECEIPT_NOT_FOUND");
        }
        if (receipt.Refusal is not null)
        {
            return Refused(receipt.Refusal);
        }
        if (!string.Equals(receipt.Resource, resource, StringComparison.OrdinalIgnoreCase))
        {
            return Refused("RECEIPT_RESOURCE_MISMATCH");
        }
        return Results.Json(new JsonObject
        {
            ["valid"] = true, ["reuseCount"] = 1, ["expiresAt"] = "2026-11-24T11:00:00Z", ["resource"] = resource,
            ["payer"] = TestPayments.Payer, ["requestId"] = "req_fake",
        });
    }

    private static IResult Refused(string reason) =>
        Results.Json(new JsonObject { ["valid"] = false, ["reason"] = reason, ["message"] = reason, ["requestId"] = "req_fake" });
}
