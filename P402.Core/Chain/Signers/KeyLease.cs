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
                    await changed.WaitAsync(left, time, cancellationToken);
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
        if (!_held || _yielding || time.GetTimestamp() >= _usableUntil)
        {
            return null;
        }
        _uses++;
        return new SignerLeaseUse(_epoch, _tookOver, Exit);
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
        if (_uses == 0 && (_yielding || (store.ReleaseWhenIdle && _waiting == 0)))
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
            _renewAt = now + (long)(RenewEvery.TotalSeconds * time.TimestampFrequency);
            _otherHolds = false;
            if (!renewal || grant.Epoch != _epoch)
            {
                _held = true;
                _epoch = grant.Epoch;
                _tookOver = grant.TookOver;
                _turnStart = now;
                SignerLeaseLog.Taken(logger, key, grant.Epoch, grant.TookOver);
                Signal();
            }
            else if (grant.WantedAt is not null && !_yielding && time.GetElapsedTime(_turnStart) >= Turn)
            {
                _yielding = true;
                SignerLeaseLog.Yielding(logger, key, _epoch);
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
