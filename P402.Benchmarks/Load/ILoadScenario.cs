namespace P402.Benchmarks.Load;

/// <summary>One kind of request the load tool sends, with its set-up and its after-run checks.</summary>
internal interface ILoadScenario
{
    /// <summary>Runs once before the warm-up (e.g. settles the payment whose receipt is verified).</summary>
    Task PrepareAsync(HttpClient http, TextWriter output, CancellationToken cancellationToken);

    /// <summary>Sends one request and names its outcome: <see cref="PhaseResult.Ok"/>, a reason, or an HTTP status.</summary>
    Task<string> SendAsync(HttpClient http, int worker, CancellationToken cancellationToken);

    /// <summary>Runs once after the measured phase; prints what the server's state says about the run.</summary>
    Task CheckAsync(HttpClient http, long succeeded, TextWriter output, CancellationToken cancellationToken);
}
