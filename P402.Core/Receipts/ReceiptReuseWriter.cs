using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using P402.Core.Data;

namespace P402.Core.Receipts;

/// <summary>
/// Counts receipt reuses through one connection and one prepared statement, and commits the reuses
/// that are waiting together in one transaction (group commit). A caller's answer is released only
/// after the commit that holds its reuse, so an answered reuse is as durable as before; callers that
/// arrive while a commit runs share the next one instead of each paying for a commit of their own.
/// </summary>
/// <remarks>
/// The writer's connection is its own (<see cref="DedicatedConnection"/>); on SQLite it runs at
/// <see cref="DatabaseOptions.ReceiptReuseSynchronous"/>, and every other write keeps the pool's level.
/// The statement and its parameters (typed by the EF model) are the same on every provider. On SQLite each group's transaction
/// goes through the file's <see cref="SqliteWriteGate"/> like every other write of this process, so that neither it nor a
/// settlement's write ever sleeps in SQLite's busy handler waiting for the other.
/// </remarks>
internal sealed class ReceiptReuseWriter(IDbContextFactory<P402DbContext> contexts, DatabaseOptions options) : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private const string CountReuse = """
        UPDATE "Receipts" SET "ReuseCount" = "ReuseCount" + 1
        WHERE "Id" = @id AND "MerchantId" = @merchant AND "Resource" = @resource
          AND "RevokedAt" IS NULL AND "ExpiresAt" > @now
        RETURNING "ReuseCount", "ExpiresAt", "Payer"
        """;

    private readonly Channel<PendingReuse> _queue = Channel.CreateUnbounded<PendingReuse>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private readonly SqliteWriteGate? _gate = options.Provider == DatabaseProvider.Sqlite ? SqliteWriteGate.For(options.ConnectionString) : null;
    private Task? _loop;
    private DbConnection? _connection;
    private DbCommand? _command;

    /// <summary>The counted reuse once committed, or null when no active receipt matched (nothing was written).</summary>
    public Task<ReceiptVerification?> CountAsync(string merchantId, string id, string resource, DateTime now, CancellationToken cancellationToken)
    {
        EnsureStarted();
        var pending = new PendingReuse(merchantId, id, resource, now);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }
        await CloseAsync();
    }

    private void EnsureStarted()
    {
        if (_loop is null)
        {
            lock (_start)
            {
                _loop ??= Task.Run(RunAsync);
            }
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingReuse>(MaxBatch);
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

    [SuppressMessage("Design", "CA1031", Justification = "Not swallowed: every caller of the batch receives the exception.")]
    private async Task CommitAsync(List<PendingReuse> batch)
    {
        var results = new ReceiptVerification?[batch.Count];
        try
        {
            var command = await PrepareAsync();
            if (_gate is not null)
            {
                await _gate.EnterAsync(SqliteWriteGate.Timeout, CancellationToken.None);
            }
            try
            {
                await using var transaction = await command.Connection!.BeginTransactionAsync();
                command.Transaction = transaction;
                for (var i = 0; i < batch.Count; i++)
                {
                    results[i] = await ExecuteAsync(command, batch[i]);
                }
                await transaction.CommitAsync();
            }
            finally
            {
                _gate?.Leave();
            }
        }
        catch (Exception failure)
        {
            await CloseAsync(); // the connection may be in any state: the next batch opens a new one
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(failure);
            }
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(results[i]);
        }
    }

    private async Task<DbCommand> PrepareAsync()
    {
        if (_command is not null)
        {
            return _command;
        }
        _connection = await DedicatedConnection.OpenAsync(options, options.ReceiptReuseSynchronous, CancellationToken.None);
        var command = _connection.CreateCommand();
        command.CommandText = CountReuse;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            command.Add<Receipt>(db, nameof(Receipt.Id), "@id");
            command.Add<Receipt>(db, nameof(Receipt.MerchantId), "@merchant");
            command.Add<Receipt>(db, nameof(Receipt.Resource), "@resource");
            command.Add<Receipt>(db, nameof(Receipt.ExpiresAt), "@now");
        }
        await command.PrepareAsync();
        return _command = command;
    }

    private static async Task<ReceiptVerification?> ExecuteAsync(DbCommand command, PendingReuse pending)
    {
        command.Parameters[0].Value = pending.Id;
        command.Parameters[1].Value = pending.MerchantId;
        command.Parameters[2].Value = pending.Resource;
        command.Parameters[3].Value = pending.Now;
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }
        var expiresAt = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc);
        return new ReceiptVerification(true, null, reader.GetInt64(0), expiresAt, pending.Resource, reader.GetString(2));
    }

    private async Task CloseAsync()
    {
        if (_command is not null)
        {
            await _command.DisposeAsync();
            _command = null;
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private sealed record PendingReuse(string MerchantId, string Id, string Resource, DateTime Now)
    {
        public TaskCompletionSource<ReceiptVerification?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
