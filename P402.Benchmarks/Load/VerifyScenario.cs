using System.Net.Http.Headers;

namespace P402.Benchmarks.Load;

/// <summary>
/// <c>POST /verify</c> with valid v2 payments. Verify reserves nothing, so a pool of pre-signed
/// payments (distinct nonces, payers in turn) is cycled and signing stays out of the measurement.
/// </summary>
internal sealed class VerifyScenario(BenchPayments payments, string resource) : ILoadScenario
{
    private const int PoolSize = 1024;
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private byte[][] _bodies = [];
    private long _next;

    public Task PrepareAsync(HttpClient http, TextWriter output, CancellationToken cancellationToken)
    {
        _bodies = [.. Enumerable.Range(0, PoolSize).Select(i => payments.Body(i, resource))];
        return Task.CompletedTask;
    }

    public async Task<string> SendAsync(HttpClient http, int worker, CancellationToken cancellationToken)
    {
        var body = _bodies[Interlocked.Increment(ref _next) % PoolSize];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync("verify", content, cancellationToken);
        return await Outcomes.ReadAsync(response, cancellationToken);
    }

    public Task CheckAsync(HttpClient http, long succeeded, TextWriter output, CancellationToken cancellationToken) => Task.CompletedTask;
}
