using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace P402.Core.Data;

/// <summary>
/// This instance's heartbeat row (<see cref="InstanceHeartbeat"/>), for several instances on one PostgreSQL database: it
/// lives <c>Database:InstanceHeartbeatSeconds</c> and is renewed three times as often. A reservation names the instance that made it (<see cref="Id"/>); another instance may
/// release it only once that instance's heartbeat has expired, and the release cannot win against a send: the reserving
/// instance's store of its signed transaction is conditional on the row still being Pending and its own.
/// </summary>
public sealed class InstanceHeartbeats(IDbContextFactory<P402DbContext> contexts, TimeProvider time, IOptions<DatabaseOptions> database)
{
    /// <summary>This instance: one per process.</summary>
    public string Id { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Whether other instances may share the database (PostgreSQL); one SQLite instance has no one to tell.</summary>
    public bool Shared => database.Value.Provider == DatabaseProvider.Postgres;

    public TimeSpan Lifetime => TimeSpan.FromSeconds(database.Value.InstanceHeartbeatSeconds);

    public TimeSpan Interval => Lifetime / 3;

    /// <summary>Pushes this instance's expiry forward (inserting the row the first time).</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = Id;
        var until = time.GetUtcNow().UtcDateTime + Lifetime;
        if (await db.InstanceHeartbeats.Where(h => h.Id == id).ExecuteUpdateAsync(s => s.SetProperty(h => h.ExpiresAt, until), cancellationToken) == 0)
        {
            await db.TryInsertAsync(new InstanceHeartbeat { Id = id, ExpiresAt = until }, cancellationToken);
        }
    }

    /// <summary>Deletes the rows of instances dead for a day (their reservations were released long ago).</summary>
    public async Task ForgetLongDeadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = time.GetUtcNow().UtcDateTime - TimeSpan.FromDays(1);
        await db.InstanceHeartbeats.Where(h => h.ExpiresAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
