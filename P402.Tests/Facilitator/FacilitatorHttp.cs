using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using P402.Core.Chain.Ethereum;
using P402.Tests.Infrastructure;

namespace P402.Tests.Facilitator;

/// <summary>Calls the facilitator over HTTP and checks the shapes every answer must have.</summary>
internal static class FacilitatorHttp
{
    public static TestPayment NewPayment(EthKey payer) => new() { Payer = payer, PayTo = EthKey.Generate().Address };

    public static TestPayment NewPayment(AnvilChainFixture chain, int payer = 0) => NewPayment(EthKey.Parse(chain.Chain.Payers[payer].PrivateKey));

    /// <summary>POSTs the body, requires HTTP 200 and a <c>req_…</c> requestId, and returns the JSON answer.</summary>
    public static async Task<JsonElement> PostAsync(HttpClient client, string path, JsonNode body)
    {
        using var response = await client.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {text}");
        var json = JsonDocument.Parse(text).RootElement.Clone();
        Assert.StartsWith("req_", json.GetProperty("requestId").GetString());
        return json;
    }

    public static Task<JsonElement> VerifyAsync(HttpClient client, JsonNode body) => PostAsync(client, "/verify", body);

    public static Task<JsonElement> SettleAsync(HttpClient client, JsonNode body) => PostAsync(client, "/settle", body);

    /// <summary>A verify answer that refuses the payment with P402's <paramref name="reason"/> and x402's <paramref name="invalidReason"/>.</summary>
    public static void AssertInvalid(JsonElement verify, string reason, string invalidReason)
    {
        Assert.False(verify.GetProperty("isValid").GetBoolean(), verify.ToString());
        Assert.False(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(reason, verify.GetProperty("reason").GetString());
        Assert.Equal(invalidReason, verify.GetProperty("invalidReason").GetString());
        Assert.False(string.IsNullOrWhiteSpace(verify.GetProperty("message").GetString()));
        Assert.Equal(verify.GetProperty("message").GetString(), verify.GetProperty("invalidMessage").GetString());
    }

    public static void AssertValid(JsonElement verify, TestPayment payment)
    {
        Assert.True(verify.GetProperty("isValid").GetBoolean(), verify.ToString());
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.False(verify.TryGetProperty("reason", out _));
        Assert.Equal(payment.Payer.Address.ToString(), verify.GetProperty("payer").GetString());
    }

    /// <summary>A settle answer that confirmed: returns the transaction hash.</summary>
    public static string AssertSettled(JsonElement settle)
    {
        Assert.True(settle.GetProperty("success").GetBoolean(), settle.ToString());
        var hash = settle.GetProperty("transaction").GetString()!;
        Assert.Matches("^0x[0-9a-f]{64}$", hash);
        Assert.Equal(hash, settle.GetProperty("txHash").GetString());
        return hash;
    }

    /// <summary>A settle answer refused as a duplicate of the delivered settlement <paramref name="hash"/>: REPLAY_DETECTED naming that transaction.</summary>
    public static void AssertReplayOf(JsonElement settle, string hash)
    {
        Assert.False(settle.GetProperty("success").GetBoolean(), settle.ToString());
        Assert.Equal("REPLAY_DETECTED", settle.GetProperty("reason").GetString());
        Assert.Equal("invalid_exact_evm_nonce_already_used", settle.GetProperty("errorReason").GetString());
        Assert.Equal(hash, settle.GetProperty("transaction").GetString());
        Assert.Contains(hash, settle.GetProperty("errorMessage").GetString());
        Assert.False(settle.TryGetProperty("receipt", out _), settle.ToString());
    }

    /// <summary>A problem+json answer with the status and a requestId that matches the Request-Id header.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        var requestId = problem.GetProperty("requestId").GetString();
        Assert.StartsWith("req_", requestId);
        Assert.Equal(requestId, Assert.Single(response.Headers.GetValues("Request-Id")));
        return problem;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Sets a field deep inside a request body, e.g. <c>Set(body, "paymentRequirements.payTo", "0x…")</c>.</summary>
    public static JsonObject Set(JsonObject body, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = body;
        foreach (var part in parts[..^1])
        {
            node = node[part]!.AsObject();
        }
        node[parts[^1]] = value;
        return body;
    }

    public static JsonObject Remove(JsonObject body, string path)
    {
        var parts = path.Split('.');
        var node = body;
        foreach (var part in parts[..^1])
        {
            node = node[part]!.AsObject();
        }
        Assert.True(node.Remove(parts[^1]), $"{path} was not in the body.");
        return body;
    }
}
