namespace P402.Core.Chain.Signers;

/// <summary>
/// One use of a signer key under its lease: the holder keeps the lease (renewing it) until every use is disposed.
/// A new <see cref="Epoch"/> means the key may have been used by another instance since this one last did.
/// </summary>
public sealed class SignerLeaseUse : IDisposable
{
    private Action? _exit;

    internal SignerLeaseUse(long epoch, bool tookOver, Action? exit)
    {
        Epoch = epoch;
        TookOver = tookOver;
        _exit = exit;
    }

    public long Epoch { get; }

    /// <summary>The lease was taken from an instance whose lease ran out: it may have left transactions stored and never broadcast.</summary>
    public bool TookOver { get; }

    public void Dispose() => Interlocked.Exchange(ref _exit, null)?.Invoke();
}
