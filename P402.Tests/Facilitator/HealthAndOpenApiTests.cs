using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Facilitator;

/// <summary>The operator's and integrator's entry points: /healthz and the OpenAPI document.</summary>
public sealed class HealthAndOpenApiTests(AnvilChainFixture chain, SharedApp shared) : IClassFixture<AnvilChainFixture>, IClassFixture<SharedApp>
{
    private P402AppFactory App => shared.For(chain);

    [Fact]
    public async Task Healthz_DatabaseChainAndWatcherUp_ReportsEachHealthy()
    {
        var health = await GetJsonAsync(App.CreateClient(), "/healthz");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var checks = health.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("chain").GetProperty("status").GetString());
        Assert.StartsWith("block ", checks.GetProperty("chain").GetProperty("data").GetProperty("eip155:8453").GetString());
        Assert.StartsWith("req_", health.GetProperty("requestId").GetString());
        var watcher = checks.GetProperty("settlement-watchers");
        Assert.Equal("Healthy", watcher.GetProperty("status").GetString());
        Assert.StartsWith("running, block ", watcher.GetProperty("data").GetProperty("eip155:8453").GetString());
    }

    [Theory]
    [InlineData("/verify", "post")]
    [InlineData("/settle", "post")]
    [InlineData("/supported", "get")]
    [InlineData("/api/v1/receipts", "get")]
    [InlineData("/api/v1/receipts", "post")]
    [InlineData("/api/v1/settlements", "get")]
    [InlineData("/api/v1/settlements/{id}", "get")]
    public async Task OpenApi_Document_ListsTheOperation(string path, string method)
    {
        var document = await GetJsonAsync(App.CreateClient(), "/openapi/v1.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document.");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method.ToUpperInvariant()} {path} is not in the OpenAPI document.");
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()));
    }
}
