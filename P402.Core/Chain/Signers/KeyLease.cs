using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using P402.Core.Data;

namespace P402.Core.Chain.Signers;

/// <summary>
/// One signer key's lease in this instance. Uses are admitted while the lease is held and fresh; one loop per key
/// takes it (polling while another instance holds it, which records that this one wants it), renews it while it is
/// used, and gives it back when the last use ends (PostgreSQL) or when another instance has asked for it and this
/// one's turn is over: no new use is admitted, the ones in flight finish, the lease goes, and this instance waits a
/// moment before asking again, so that the instances take turns instead of one starving the others.
/// A use is admitted only within two thirds of the lease's duration since its last renewal: a holder that cannot
/// reach the database stops signing well before another instance may take the key.
/// <para>
/// Fencing: a use admitted in time can still outlive the lease when the machine is loaded (renewals late, a slow store or
/// broadcast). So a use asks <see cref="SignerLeaseUse.IsValid"/> before each store and each broadcast: true only while the
/// lease is provably unexpired (the last grant's request time plus the duration, by this instance's clock; the database's
/// expiry is later). And a holder that takes the key from an expired holder admits no use for one more lease duration:
/// a store or broadcast the old holder began while its lease was valid lands in that window, before the new holder reads
/// what is stored and the node's pending nonce.
/// </para>
/// </summary>
internal sealed class KeyLease(string key, SignerLeases store, TimeSpan duration, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Turn = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan BackOff = TimeSpan.FromMilliseconds(300);

    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private bool _running;
    private bool _held;
    private bool _yielding;
    private bool _otherHolds;
    private long _epoch;
    private bool _tookOver;
    private long _usableUntil;
    private long _validUntil;
    private long _admitFrom;
    private long _renewAt;
    private long _turnStart;
    private long _backOffUntil;
    private int _uses;
    private int _waiting;
    private string? _lastError;

    public string Key => key;

    public bool MayUse
    {
        get
        {
            lock (_gate)
            {
                return _held ? !_yielding : !_otherHolds;
            }
        }
    }

    public SignerLeaseState State
    {
        get
        {
            lock (_gate)
            {
                var state = _held ? (_yielding ? "yielding" : "held") : _waiting > 0 ? "waiting" : "idle";
                return new SignerLeaseState(key, state, _held ? _epoch : null, _uses, _waiting, _lastError);
            }
        }
    }

    public async Task<SignerLeaseUse> EnterAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        lock (_gate)
        {
            _waiting++;
        }
        try
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (TryAdmit() is { } use)
                    {
                        return use;
                    }
                    changed = _changed.Task;
                    if (!_running)
                    {
                        _running = true;
                        _ = Task.Run(RunAsync, CancellationToken.None);
                    }
                }
                var left = wait - time.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    throw new SignerLeaseUnavailableException(
                        $"The signer key {key} is in use by another P402 instance (or the database did not answer) for {wait.TotalSeconds:0.#} s; nothing was signed. Retry.");
                }
                try
                {
                    await changed.WaitAsync(AdmissionWait(left), time, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // checked at the top of the loop
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _waiting--;
            }
        }
    }

    private SignerLeaseUse? TryAdmit()
    {
        var now = time.GetTimestamp();
        if (!_held || _yielding || now >= _usableUntil || now < _admitFrom)
        {
            return null;
        }
        _uses++;
        var epoch = _epoch;
        return new SignerLeaseUse(epoch, _tookOver, Exit, () => IsValid(epoch));
    }

    /// <summary>Held in <paramref name="epoch"/> and provably unexpired: the previous grant was asked for less than a duration ago.</summary>
    private bool IsValid(long epoch)
    {
        lock (_gate)
        {
            return _held && _epoch == epoch && time.GetTimestamp() < _validUntil;
        }
    }

    /// <summary>How long a waiter sleeps: no signal marks the end of a takeover's wait, so it looks again then.</summary>
    private TimeSpan AdmissionWait(TimeSpan left)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            return _held && now < _admitFrom ? TimeSpan.FromTicks(Math.Min(left.Ticks, time.GetElapsedTime(now, _admitFrom).Ticks + 1)) : left;
        }
    }

    private void Exit()
    {
        lock (_gate)
        {
            if (--_uses == 0)
            {
                Signal();
            }
        }
    }

    [SuppressMessage("Design", "CA1031", Justification = "Recorded and logged; the loop keeps the lease (or asks again) whatever one database call did.")]
    private async Task RunAsync()
    {
        while (true)
        {
            Func<Task<TimeSpan>> step;
            Task changed;
            lock (_gate)
            {
                if (!_held && _waiting == 0)
                {
                    _running = false;
                    return;
                }
                changed = _changed.Task;
                step = Next();
            }
            TimeSpan nap;
            try
            {
                nap = await step();
                _lastError = null;
            }
            catch (Exception failure)
            {
                _lastError = failure.Message;
                SignerLeaseLog.DatabaseFailed(logger, key, failure.Message);
                nap = Poll;
            }
            if (nap > TimeSpan.Zero)
            {
                try
                {
                    await changed.WaitAsync(nap, time);
                }
                catch (TimeoutException)
                {
                    // next step
                }
            }
        }
    }

    /// <summary>What the loop does now (decided under the gate); each step answers how long to rest after it.</summary>
    private Func<Task<TimeSpan>> Next()
    {
        var now = time.GetTimestamp();
        if (!_held)
        {
            return now < _backOffUntil ? () => Task.FromResult(time.GetElapsedTime(now, _backOffUntil)) : AcquireAsync;
        }
        if (_uses == 0 && now >= _admitFrom && (_yielding || (store.ReleaseWhenIdle && _waiting == 0)))
        {
            _held = false; // no use is admitted from here on: the release cannot race a new one
            var epoch = _epoch;
            var yielded = _yielding;
            _yielding = false;
            return () => ReleaseAsync(epoch, yielded);
        }
        return now >= _renewAt ? AcquireAsync : () => Task.FromResult(time.GetElapsedTime(now, _renewAt));
    }

    private async Task<TimeSpan> AcquireAsync()
    {
        var asked = time.GetTimestamp();
        var grant = await store.TryAcquireAsync(key, duration, CancellationToken.None);
        lock (_gate)
        {
            var renewal = _held;
            if (grant is null)
            {
                if (_held)
                {
                    SignerLeaseLog.Lost(logger, key, _epoch);
                }
                _held = false;
                _yielding = false;
                _otherHolds = true;
                Signal();
                return Poll;
            }
            var now = time.GetTimestamp();
            _usableUntil = asked + (long)(duration.TotalSeconds * 2 / 3 * time.TimestampFrequency);
            _validUntil = asked + (long)(duration.TotalSeconds * time.TimestampFrequency);
            _renewAt = now + (long)(RenewEvery.TotalSeconds * time.TimestampFrequency);
            _otherHolds = false;
            if (!renewal || grant.Epoch != _epoch)
            {
                _held = true;
                _epoch = grant.Epoch;
                _tookOver = grant.TookOver;
                // Taken from an expired holder: what it began under its lease lands first (see the type's remarks). The lease is
                // kept (renewed, not released) through that wait, so that the next holder does not skip it.
                _admitFrom = grant.TookOver ? now + (long)(duration.TotalSeconds * time.TimestampFrequency) : now;
                _turnStart = _admitFrom;
                SignerLeaseLog.Taken(logger, key, grant.Epoch, grant.TookOver);
                Signal();
            }
            else if (grant.WantedAt is not null && !_yielding && time.GetElapsedTime(_turnStart) >= Turn)
            {
                _yielding = true;
                SignerLeaseLog.Yielding(logger, key, _epoch);
            }
            else if (_waiting > 0)
            {
                Signal(); // a renewal that came late makes the lease usable again for those who found it stale
            }
            return time.GetElapsedTime(now, _renewAt); // a use ending, or a yield, wakes the loop sooner
        }
    }

    private async Task<TimeSpan> ReleaseAsync(long epoch, bool yielded)
    {
        try
        {
            await store.ReleaseAsync(key, epoch, CancellationToken.None);
        }
        finally
        {
            lock (_gate)
            {
                if (yielded)
                {
                    _backOffUntil = time.GetTimestamp() + (long)(BackOff.TotalSeconds * time.TimestampFrequency);
                }
                Signal();
            }
        }
        return TimeSpan.Zero;
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
