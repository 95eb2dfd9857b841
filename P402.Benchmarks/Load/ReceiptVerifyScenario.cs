using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace P402.Benchmarks.Load;

/// <summary>
/// <c>GET /api/v1/receipts/{id}/verify?resource=…</c> on one receipt, so every request counts a reuse
/// of the same row (the worst case for the database). The receipt comes from one settle with
/// <c>receipt:{ttlSeconds}</c> unless --receipt names one. Afterwards the receipt's reuseCount must
/// have grown by exactly the number of <c>valid:true</c> answers: an answered reuse is never lost.
/// </summary>
internal sealed class ReceiptVerifyScenario(BenchPayments payments, string resource, string? receipt) : ILoadScenario
{
    private string _path = "";
    private string _id = receipt ?? "";
    private long _reuseBefore;

    public async Task PrepareAsync(HttpClient http, TextWriter output, CancellationToken cancellationToken)
    {
        if (_id.Length == 0)
        {
            using var content = new ByteArrayContent(payments.Body(0, resource, receiptTtlSeconds: 86_400));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("settle", content, cancellationToken);
            using var settled = await response.Content.ReadFromJsonAsync<JsonDocument>(cancellationToken);
            _id = settled!.RootElement.TryGetProperty("receipt", out var issued) && issued.ValueKind == JsonValueKind.Object
                ? issued.GetProperty("id").GetString()!
                : throw new InvalidOperationException($"The settle issued no receipt: {settled.RootElement}");
            await output.WriteLineAsync($"receipt {_id} for {resource}");
        }
        _path = $"api/v1/receipts/{_id}/verify?resource={Uri.EscapeDataString(resource)}";
        _reuseBefore = await ReuseCountAsync(http, cancellationToken);
    }

    public async Task<string> SendAsync(HttpClient http, int worker, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(_path, cancellationToken);
        return await Outcomes.ReadAsync(response, cancellationToken);
    }

    public async Task CheckAsync(HttpClient http, long succeeded, TextWriter output, CancellationToken cancellationToken)
    {
        var added = await ReuseCountAsync(http, cancellationToken) - _reuseBefore;
        var verdict = added == succeeded ? "OK" : "MISMATCH";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"check: reuseCount of {_id} grew by {added}; valid answers (warm-up + run) {succeeded}: {verdict}"));
    }

    private async Task<long> ReuseCountAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var view = await http.GetFromJsonAsync<JsonDocument>($"api/v1/receipts/{_id}", cancellationToken);
        return view!.RootElement.GetProperty("reuseCount").GetInt64();
    }
}
