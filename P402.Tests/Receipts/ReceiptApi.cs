using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using P402.Tests.Infrastructure;

namespace P402.Tests.Receipts;

/// <summary>Calls of the receipts API as a merchant's server makes them, and the checks every answer shares.</summary>
internal static class ReceiptApi
{
    public const string Resource = "https://api.example.com/weather";

    public static async Task<(HttpStatusCode Status, JsonElement Body)> IssueAsync(HttpClient client, JsonObject body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/receipts", body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Settles a fresh payment for <paramref name="resource"/> and issues its receipt (201).</summary>
    public static async Task<JsonElement> NewReceiptAsync(HttpClient client, AnvilChainFixture chain, long? ttlSeconds = null,
        string resource = Resource, int payer = 0)
    {
        var settle = await client.SettleConfirmedAsync(chain, payer, resource);
        var body = new JsonObject { ["settlementId"] = settle.GetProperty("settlementId").GetString() };
        if (ttlSeconds is { } ttl)
        {
            body["ttlSeconds"] = ttl;
        }
        var (status, receipt) = await IssueAsync(client, body);
        Assert.True(status == HttpStatusCode.Created, receipt.ToString());
        return receipt;
    }

    public static async Task<JsonElement> VerifyAsync(HttpClient client, string id, string resource = Resource)
    {
        var response = await client.GetAsync($"/api/v1/receipts/{Uri.EscapeDataString(id)}/verify?resource={Uri.EscapeDataString(resource)}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/receipts/{Uri.EscapeDataString(id)}");

    public static async Task<JsonElement> RevokeAsync(HttpClient client, string id)
    {
        var response = await client.PostAsync($"/api/v1/receipts/{Uri.EscapeDataString(id)}/revoke", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>Asserts the receipt lives <paramref name="ttlSeconds"/> (its expiry is rounded up to a whole second).</summary>
    public static void AssertTtl(this JsonElement receipt, long ttlSeconds)
    {
        var lifetime = receipt.GetProperty("expiresAt").GetDateTime() - receipt.GetProperty("createdAt").GetDateTime();
        Assert.InRange(lifetime.TotalSeconds, ttlSeconds, ttlSeconds + 1);
    }

    public static string Id(this JsonElement receipt) => receipt.GetProperty("id").GetString()!;

    public static long ReuseCount(this JsonElement receipt) => receipt.GetProperty("reuseCount").GetInt64();

    /// <summary>The answer is RFC 9457 problem+json with the given status and a <c>req_…</c> request id (header and body agree).</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        var requestId = problem.GetProperty("requestId").GetString();
        Assert.StartsWith("req_", requestId);
        Assert.Equal(requestId, response.Headers.GetValues("Request-Id").Single());
        return problem;
    }

    /// <summary>The property names of a JSON object, sorted, to compare an answer's exact shape.</summary>
    public static string[] Keys(this JsonElement json) => [.. json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
