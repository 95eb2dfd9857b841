using Microsoft.EntityFrameworkCore;
using P402.Core.Data;

namespace P402.Tests.Chain.Signers;

/// <summary>One instance's database connection that a test can stop: while closed, every context it is asked for waits (a database that does not answer).</summary>
internal sealed class GatedDbContexts(IDbContextFactory<P402DbContext> inner) : IDbContextFactory<P402DbContext>
{
    private volatile TaskCompletionSource _open = Opened();

    public void Close() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    public P402DbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<P402DbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        await _open.Task.WaitAsync(cancellationToken);
        return await inner.CreateDbContextAsync(cancellationToken);
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
