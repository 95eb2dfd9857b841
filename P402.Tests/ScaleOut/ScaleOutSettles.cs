using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using P402.Tests.Infrastructure;

namespace P402.Tests.ScaleOut;

/// <summary>Settles as an x402 resource server sends them to a load-balanced facilitator.</summary>
internal static class ScaleOutSettles
{
    /// <summary>One settle on a random instance, asked again (on any instance) while the answer is SETTLEMENT_PENDING.</summary>
    public static async Task<JsonElement> SettleUntilDecidedAsync(IReadOnlyList<HttpClient> clients, TestPayment payment)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await clients[Random.Shared.Next(clients.Count)].PostAsJsonAsync("/settle", payment.V2());
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
            if (!IsPending(body) || attempt == 5)
            {
                return body;
            }
        }
    }

    public static bool IsPending(JsonElement body) =>
        body.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String && reason.GetString() == "SETTLEMENT_PENDING";
}
