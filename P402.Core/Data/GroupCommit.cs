using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace P402.Core.Data;

/// <summary>
/// Group commit of small writes on SQLite: the writes that arrive while one batch commits go together into the next, in one
/// transaction — one turn of the file's single writer (<see cref="SqliteWriteGate"/>) and one fsync at synchronous=FULL for all of
/// them, instead of one each. Under a few hundred settlements in flight each write otherwise queued for the writer behind every
/// other (measured: storing the signed transaction took 0.9–4.4 s at p50 at 256 connections, the writes themselves ~1 ms). A caller
/// gets its write's own result once the batch is committed, so what it was told is durable. When a batch fails, its writes run
/// again one by one, each in its own transaction, so only the write that fails reports a failure. On PostgreSQL, where writers do
/// not wait for one file lock, each write runs at once in its own context, as before.
/// </summary>
internal sealed class GroupCommit(IDbContextFactory<P402DbContext> contexts)
{
    private const int MaxBatch = 128;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly Lock _start = new();
    private Task? _writer;
    private bool? _batching;

    /// <summary>How many writes wait for the next batch (for tests).</summary>
    public int Queued => _queue.Reader.Count;

    /// <summary>Runs <paramref name="write"/> (its changes saved on the context it is given) and answers its result once it is committed.</summary>
    public async Task<bool> WriteAsync(Func<P402DbContext, CancellationToken, Task<bool>> write, CancellationToken cancellationToken)
    {
        if (!(_batching ??= await IsSqliteAsync(cancellationToken)))
        {
            return await WriteAloneAsync(write, cancellationToken);
        }
        var pending = new Pending(write);
        _queue.Writer.TryWrite(pending);
        lock (_start)
        {
            _writer ??= Task.Run(WriteBatchesAsync, CancellationToken.None);
        }
        // Not cancelled once queued: the caller must know whether the write landed (a stored transaction is a sent one).
        return await pending.Completion.Task;
    }

    private async Task<bool> IsSqliteAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return db.Database.IsSqlite();
    }

    private async Task<bool> WriteAloneAsync(Func<P402DbContext, CancellationToken, Task<bool>> write, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await write(db, cancellationToken);
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            await CommitAsync(batch);
            batch.Clear();
        }
    }

    [SuppressMessage("Design", "CA1031", Justification = "Not swallowed: a failed batch is written again one by one, and each write's own failure reaches its caller.")]
    private async Task CommitAsync(List<Pending> batch)
    {
        if (batch.Count > 1)
        {
            var results = new bool[batch.Count];
            try
            {
                await using (var db = await contexts.CreateDbContextAsync())
                {
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    for (var i = 0; i < batch.Count; i++)
                    {
                        results[i] = await batch[i].Write(db, CancellationToken.None);
                    }
                    await transaction.CommitAsync();
                }
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(results[i]);
                }
                return;
            }
            catch (Exception)
            {
                // Rolled back as a whole: each write again on its own below.
            }
        }
        foreach (var pending in batch)
        {
            try
            {
                pending.Completion.TrySetResult(await WriteAloneAsync(pending.Write, CancellationToken.None));
            }
            catch (Exception failure)
            {
                pending.Completion.TrySetException(failure);
            }
        }
    }

    private sealed class Pending(Func<P402DbContext, CancellationToken, Task<bool>> write)
    {
        public Func<P402DbContext, CancellationToken, Task<bool>> Write { get; } = write;

        public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
