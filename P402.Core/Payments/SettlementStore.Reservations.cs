using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using P402.Core.Payments.Sending;

namespace P402.Core.Payments;

/// <summary>
/// A Pending settlement belongs to the instance that reserved it (<see cref="Settlement.ReservedBy"/>). Its first transition
/// (a signed transaction stored before its broadcast, or a refusal) is conditional on the row being still Pending and still
/// that instance's, in the transaction that makes it; another instance releases the reservation of a dead instance with an
/// UPDATE on the same condition. Whichever commits first wins the row: a released reservation is never sent, and a sent
/// one is never released, whatever the clocks or the pauses.
/// </summary>
public sealed partial class SettlementStore
{
    /// <summary>Whether other instances may share the database (PostgreSQL): only then is a reservation fenced and released by others.</summary>
    public bool SharesDatabase => instance.Shared;

    public const string ReleasedMessage = "The instance that reserved it stopped before it sent a transaction (nothing was sent); settle again.";

    /// <summary>
    /// Releases (Failed, <see cref="PaymentCode.SettlementFailed"/>) the Pending settlements of instances whose heartbeat has
    /// expired; when one SQLite instance is <paramref name="starting"/>, every Pending settlement (nobody else can hold one).
    /// Returns the released rows.
    /// </summary>
    public async Task<IReadOnlyList<Settlement>> ReleaseDeadReservationsAsync(bool starting, CancellationToken cancellationToken)
    {
        var everyPending = starting && !instance.Shared;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var self = instance.Id;
        var orphans = await db.Settlements.AsNoTracking()
            .Where(s => s.Status == SettlementStatus.Pending && (s.ReservedBy == null || s.ReservedBy != self)
                && (everyPending || s.ReservedBy == null || !db.InstanceHeartbeats.Any(h => h.Id == s.ReservedBy && h.ExpiresAt > now)))
            .ToListAsync(cancellationToken);
        var released = new List<Settlement>();
        var reason = PaymentCodes.Name(PaymentCode.SettlementFailed);
        foreach (var orphan in orphans)
        {
            var owner = orphan.ReservedBy;
            var changed = await db.Settlements
                .Where(s => s.Id == orphan.Id && s.Status == SettlementStatus.Pending && s.ReservedBy == owner)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, SettlementStatus.Failed)
                    .SetProperty(x => x.ErrorReason, reason)
                    .SetProperty(x => x.ErrorMessage, ReleasedMessage)
                    .SetProperty(x => x.UpdatedAt, now), cancellationToken);
            if (changed == 1)
            {
                orphan.Status = SettlementStatus.Failed;
                orphan.ErrorReason = reason;
                orphan.ErrorMessage = ReleasedMessage;
                orphan.UpdatedAt = now;
                Publish(orphan);
                released.Add(orphan);
            }
        }
        return released;
    }

    /// <summary><see cref="UpdateWithAttemptsAsync"/> of a reserved row: in one transaction that first claims the row as still Pending and still its reserver's.</summary>
    private async Task UpdateReservedAsync(Settlement settlement, Action<Settlement, List<SettlementAttempt>, Data.P402DbContext> change,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reservedBy = settlement.ReservedBy;
        var now = time.GetUtcNow().UtcDateTime;
        PropertyValues? before = null;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Locks the row (PostgreSQL) or the database (SQLite) until the commit: a release waits, then finds it changed.
            var ours = await db.Settlements
                .Where(s => s.Id == settlement.Id && s.Status == SettlementStatus.Pending && s.ReservedBy == reservedBy)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedAt, now), cancellationToken);
            if (ours == 0)
            {
                throw new SettlementReleasedException(settlement.Id);
            }
            var attempts = await db.SettlementAttempts.Where(a => a.SettlementId == settlement.Id).ToListAsync(cancellationToken);
            var entry = db.Settlements.Attach(settlement);
            if (before is null)
            {
                before = entry.CurrentValues.Clone();
            }
            else
            {
                // A retry after a transient failure: the row is as it was, and so is the object before the change is made again.
                entry.CurrentValues.SetValues(before);
                entry.State = EntityState.Unchanged;
            }
            change(settlement, attempts, db);
            settlement.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        Publish(settlement);
    }
}
