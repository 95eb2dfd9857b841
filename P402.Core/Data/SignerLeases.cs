using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace P402.Core.Data;

/// <summary>
/// Leases on signer keys, so that no two instances on one database use a key's nonces at once. A lease is a row per
/// key: read, then taken by an UPDATE conditional on what was read (holder and epoch), so that of two instances racing
/// for it exactly one wins and each knows from whom it took it. Held for a time, renewed by its holder, released when
/// it has nothing more to send; an instance that dies loses its leases when they expire. An instance refused the lease
/// records that it wants it, and the holder yields after its turn. Provider-neutral.
/// </summary>
public sealed class SignerLeases(IDbContextFactory<P402DbContext> contexts, TimeProvider time, IOptions<DatabaseOptions> options)
{
    private static readonly DateTime Free = DateTime.UnixEpoch;
    private readonly ConcurrentDictionary<string, byte> _rows = new(StringComparer.Ordinal);

    /// <summary>This instance, as lease holder: one per process.</summary>
    public string Holder { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>
    /// Whether an idle holder gives its leases back at once. With PostgreSQL other instances may be waiting; SQLite
    /// serves one instance, which keeps its leases (renewing them) instead of paying two writes per transaction.
    /// </summary>
    public bool ReleaseWhenIdle => options.Value.Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// Takes or renews the lease on <paramref name="key"/> for <paramref name="duration"/>; null while another instance
    /// holds it (which is then told that this one wants it). A holder whose lease ran out unclaimed keeps its epoch.
    /// </summary>
    public async Task<SignerLeaseGrant?> TryAcquireAsync(string key, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!_rows.ContainsKey(key))
        {
            await db.TryInsertAsync(new SignerLease { Key = key, ExpiresAt = Free }, cancellationToken);
            _rows.TryAdd(key, 0);
        }
        var seen = await db.SignerLeases.AsNoTracking().SingleAsync(l => l.Key == key, cancellationToken);
        var now = Now;
        var ours = seen.Holder == Holder;
        if (!ours && seen.ExpiresAt > now)
        {
            await db.SignerLeases.Where(l => l.Key == key && l.Holder == seen.Holder)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.WantedAt, now), cancellationToken);
            return null;
        }
        var epoch = ours ? seen.Epoch : seen.Epoch + 1;
        var wanted = ours ? seen.WantedAt : null;
        var until = now + duration;
        var holder = Holder;
        var taken = await db.SignerLeases
            .Where(l => l.Key == key && l.Holder == seen.Holder && l.Epoch == seen.Epoch)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Epoch, epoch)
                .SetProperty(l => l.Holder, holder)
                .SetProperty(l => l.ExpiresAt, until)
                .SetProperty(l => l.WantedAt, wanted), cancellationToken);
        return taken == 0 ? null : new SignerLeaseGrant(epoch, TookOver: !ours && seen.Holder.Length > 0, wanted);
    }

    /// <summary>Gives the lease back (only if it is still this epoch's), so that a waiting instance takes it at once.</summary>
    public async Task ReleaseAsync(string key, long epoch, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var holder = Holder;
        var expired = Free;
        await db.SignerLeases
            .Where(l => l.Key == key && l.Holder == holder && l.Epoch == epoch)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, "").SetProperty(l => l.ExpiresAt, expired), cancellationToken);
    }

    /// <summary>The current row, for tests and diagnostics.</summary>
    public async Task<SignerLease?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SignerLeases.AsNoTracking().SingleOrDefaultAsync(l => l.Key == key, cancellationToken);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
