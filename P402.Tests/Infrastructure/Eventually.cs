namespace P402.Tests.Infrastructure;

/// <summary>Awaits a condition that background work (a settlement watcher, say) makes true, within a generous bound.</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        var last = default(T);
        while (!cancellation.IsCancellationRequested)
        {
            last = await read();
            if (done(last))
            {
                return last;
            }
            try
            {
                await Task.Delay(100, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        throw new TimeoutException($"{what ?? "The condition"} did not hold within {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds:0} s; last value: {last}");
    }
}
