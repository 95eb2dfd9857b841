namespace P402.Core.Chain.Signers;

/// <summary>
/// One use of a signer key under its lease: the holder keeps the lease (renewing it) until every use is disposed.
/// A new <see cref="Epoch"/> means the key may have been used by another instance since this one last did.
/// </summary>
public sealed class SignerLeaseUse : IDisposable
{
    private readonly Func<bool>? _valid;
    private Action? _exit;

    internal SignerLeaseUse(long epoch, bool tookOver, Action? exit, Func<bool>? valid = null)
    {
        Epoch = epoch;
        TookOver = tookOver;
        _exit = exit;
        _valid = valid;
    }

    public long Epoch { get; }

    /// <summary>The lease was taken from an instance whose lease ran out: it may have left transactions stored and never broadcast.</summary>
    public bool TookOver { get; }

    /// <summary>
    /// Whether the lease is still this use's (same epoch) and provably unexpired by this instance's clock: a signed transaction
    /// may be stored or broadcast under it now. False once renewals ran late (another instance may take the key from then on).
    /// </summary>
    public bool IsValid => _valid?.Invoke() ?? true;

    public void Dispose() => Interlocked.Exchange(ref _exit, null)?.Invoke();
}
