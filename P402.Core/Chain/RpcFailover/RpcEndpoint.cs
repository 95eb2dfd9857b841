namespace P402.Core.Chain.RpcFailover;

/// <summary>One JSON-RPC URL of a network and what the last calls to it said: healthy, failing, or backing off.</summary>
internal sealed class RpcEndpoint(Uri url)
{
    private readonly Lock _gate = new();
    private int _failures;
    private long _coolUntil;

    public Uri Url { get; } = url;

    public int ConsecutiveFailures => _failures;

    public string? LastError { get; private set; }

    public bool IsCooling(TimeProvider time) => time.GetTimestamp() < Interlocked.Read(ref _coolUntil);

    public long CoolUntil => Interlocked.Read(ref _coolUntil);

    public void Succeeded()
    {
        lock (_gate)
        {
            _failures = 0;
            LastError = null;
        }
    }

    /// <summary>A failure cools the endpoint for a while that doubles with each failure in a row (capped), or for what a 429 asked.</summary>
    public TimeSpan Failed(string error, TimeSpan? retryAfter, TimeProvider time)
    {
        lock (_gate)
        {
            _failures++;
            LastError = error;
            var backoff = retryAfter ?? TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, Math.Min(_failures - 1, 6))));
            Interlocked.Exchange(ref _coolUntil, time.GetTimestamp() + (long)(backoff.TotalSeconds * time.TimestampFrequency));
            return backoff;
        }
    }
}
