using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace P402.Benchmarks.Load;

/// <summary>
/// <c>POST /verify</c> with valid v2 payments. Verify reserves nothing, so a pool of pre-signed
/// payments (distinct nonces, payers in turn) is cycled and signing stays out of the measurement.
/// Afterwards the payment log (<c>GET /api/v1/payments</c>) must hold one valid verify entry per valid answer.
/// </summary>
internal sealed class VerifyScenario(BenchPayments payments, string resource) : ILoadScenario
{
    private const int PoolSize = 1024;
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private byte[][] _bodies = [];
    private long _next;
    private long? _loggedBefore;

    public async Task PrepareAsync(HttpClient http, TextWriter output, CancellationToken cancellationToken)
    {
        _bodies = [.. Enumerable.Range(0, PoolSize).Select(i => payments.Body(i, resource))];
        _loggedBefore = await LoggedAsync(http, cancellationToken);
    }

    public async Task<string> SendAsync(HttpClient http, int worker, CancellationToken cancellationToken)
    {
        var body = _bodies[Interlocked.Increment(ref _next) % PoolSize];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync("verify", content, cancellationToken);
        return await Outcomes.ReadAsync(response, cancellationToken);
    }

    public async Task CheckAsync(HttpClient http, long succeeded, TextWriter output, CancellationToken cancellationToken)
    {
        if (_loggedBefore is not { } before)
        {
            await output.WriteLineAsync("check: this build has no payment log (GET /api/v1/payments answered 404)");
            return;
        }
        // The log is written in batches after the answers: give its writer a few seconds to catch up.
        var waited = Stopwatch.StartNew();
        long added;
        while ((added = (await LoggedAsync(http, cancellationToken) ?? 0) - before) < succeeded && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(250, cancellationToken);
        }
        var verdict = added == succeeded ? "OK" : "MISMATCH";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"check: valid verify entries in the payment log grew by {added}; valid answers (warm-up + run) {succeeded}: {verdict}"));
    }

    /// <summary>Valid verify entries in the payment log; null when the build has none.</summary>
    private static async Task<long?> LoggedAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/v1/payments?operation=verify&valid=true&pageSize=1", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        using var page = await response.Content.ReadFromJsonAsync<JsonDocument>(cancellationToken);
        return page!.RootElement.GetProperty("total").GetInt64();
    }
}
