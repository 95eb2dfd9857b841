using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace P402.Benchmarks.Load;

/// <summary>
/// <c>POST /settle</c>, each request a freshly signed authorization (random nonce, worker i pays from
/// payer i mod the payer count), so every request sends one transaction. Afterwards the merchant's
/// confirmed settlements must have grown by exactly the number of successful answers.
/// </summary>
internal sealed class SettleScenario(BenchPayments payments, string resource) : ILoadScenario
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private long _confirmedBefore;

    public async Task PrepareAsync(HttpClient http, TextWriter output, CancellationToken cancellationToken) =>
        _confirmedBefore = await ConfirmedAsync(http, cancellationToken);

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
    }

    private static async Task<long> ConfirmedAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var page = await http.GetFromJsonAsync<JsonDocument>("api/v1/settlements?status=Confirmed&pageSize=1", cancellationToken);
        return page!.RootElement.GetProperty("total").GetInt64();
    }
}
