using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.Signers;

/// <summary>
/// Whether, and when, this instance may sign with a key. One instance alone may always; several instances on one
/// database lease keys, so that each key's nonces are used by one instance at a time.
/// </summary>
public interface ISignerLeases
{
    /// <summary>Whether the key is worth choosing now: held by this instance, or not known to be held by another. No waiting, no I/O.</summary>
    ValueTask<bool> MayUseAsync(string network, EthAddress signer, CancellationToken cancellationToken);

    /// <summary>
    /// The key's lease for one use (a nonce taken, its transaction stored and broadcast): waits a bounded time for it,
    /// then throws <see cref="SignerLeaseUnavailableException"/>. Dispose the use when the broadcast is done.
    /// </summary>
    ValueTask<SignerLeaseUse> EnterAsync(string network, EthAddress signer, CancellationToken cancellationToken);

    /// <summary>The key's lease if this instance holds it or can take it at once; null while another instance holds it.</summary>
    ValueTask<SignerLeaseUse?> TryEnterAsync(string network, EthAddress signer, CancellationToken cancellationToken);

    /// <summary>Each key's lease as this instance sees it, for <c>/healthz</c>.</summary>
    IReadOnlyList<SignerLeaseState> States { get; }
}
