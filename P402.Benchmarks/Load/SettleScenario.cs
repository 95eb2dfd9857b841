using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace P402.Benchmarks.Load;

/// <summary>
/// <c>POST /settle</c>, each request a freshly signed authorization (random nonce, worker i pays from
/// payer i mod the payer count), so every request sends one transaction. Afterwards the merchant's
/// confirmed settlements must have grown by exactly the number of successful answers. With <c>--rpc-stats</c> (the
/// <c>rpc-proxy</c> between the app and its node) it reports the JSON-RPC calls the app made per confirmed settlement, by method
/// (everything the app asked during the warm-up and the run, its watcher's block polls included).
/// </summary>
internal sealed class SettleScenario(BenchPayments payments, string resource, Uri? rpcStats) : ILoadScenario
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private long _confirmedBefore;
    private Dictionary<string, long> _callsBefore = [];

    public async Task PrepareAsync(HttpClient http, TextWriter output, CancellationToken cancellationToken)
    {
        _confirmedBefore = await ConfirmedAsync(http, cancellationToken);
        _callsBefore = await RpcCallsAsync(cancellationToken);
    }

    public async Task<string> SendAsync(HttpClient http, int worker, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(payments.Body(worker, resource));
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync("settle", content, cancellationToken);
        return await Outcomes.ReadAsync(response, cancellationToken);
    }

    public async Task CheckAsync(HttpClient http, long succeeded, TextWriter output, CancellationToken cancellationToken)
    {
        var added = await ConfirmedAsync(http, cancellationToken) - _confirmedBefore;
        var verdict = added == succeeded ? "OK" : "MISMATCH";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"check: confirmed settlements grew by {added}; successful answers (warm-up + run) {succeeded}: {verdict}"));
        if (rpcStats is null || added == 0)
        {
            return;
        }
        var after = await RpcCallsAsync(cancellationToken);
        var used = after.Select(c => (c.Key, Count: c.Value - _callsBefore.GetValueOrDefault(c.Key))).Where(c => c.Count > 0 && c.Key != "(all)").OrderByDescending(c => c.Count).ToList();
        var total = used.Sum(c => c.Count);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"rpc: {total} JSON-RPC calls for {added} confirmed settlements = {(double)total / added:0.00} per settlement; {string.Join(", ", used.Select(c => $"{c.Key} {(double)c.Count / added:0.00}"))}"));
    }

    private async Task<Dictionary<string, long>> RpcCallsAsync(CancellationToken cancellationToken)
    {
        if (rpcStats is null)
        {
            return [];
        }
        using var http = new HttpClient();
        using var stats = await http.GetFromJsonAsync<JsonDocument>(rpcStats, cancellationToken);
        var counts = stats!.RootElement.GetProperty("byMethod").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
        return counts;
    }

    private static async Task<long> ConfirmedAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var page = await http.GetFromJsonAsync<JsonDocument>("api/v1/settlements?status=Confirmed&pageSize=1", cancellationToken);
        return page!.RootElement.GetProperty("total").GetInt64();
    }
}
