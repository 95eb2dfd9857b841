using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.Signers;

/// <summary>
/// Whether this instance may sign with a key now. One instance alone may always; several instances on one
/// database lease keys (each key's nonces used by one instance at a time) and plug their lease check in here.
/// </summary>
public interface ISignerLeases
{
    ValueTask<bool> MayUseAsync(string network, EthAddress signer, CancellationToken cancellationToken);
}
