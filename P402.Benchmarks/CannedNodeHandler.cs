using System.Net;
using System.Text;
using System.Text.Json;

namespace P402.Benchmarks;

/// <summary>
/// A JSON-RPC node in memory, for measuring a client's own CPU: it answers each call of a batch (or a
/// single call) with the canned result for its position, echoing the ids, as anvil answers a verify's
/// three eth_calls (not used, a balance, a transfer that would succeed).
/// </summary>
internal sealed class CannedNodeHandler(params string[] results) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var body = await JsonDocument.ParseAsync(await request.Content!.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
        var answer = new StringBuilder();
        if (body.RootElement.ValueKind == JsonValueKind.Array)
        {
            answer.Append('[');
            var i = 0;
            foreach (var call in body.RootElement.EnumerateArray())
            {
                answer.Append(i == 0 ? "" : ",").Append(Answer(call, results[i++ % results.Length]));
            }
            answer.Append(']');
        }
        else
        {
            answer.Append(Answer(body.RootElement, results[0]));
        }
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer.ToString(), Encoding.UTF8, "application/json") };
    }

    private static string Answer(JsonElement call, string result) =>
        $"{{\"jsonrpc\":\"2.0\",\"id\":{call.GetProperty("id").GetRawText()},\"result\":\"{result}\"}}";
}
