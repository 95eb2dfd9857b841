using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.Signers;

/// <summary>The <see cref="ISignerLeases"/> of one instance alone (SQLite): it owns every configured key, always in epoch 0.</summary>
internal sealed class SingleInstanceSignerLeases : ISignerLeases
{
    public IReadOnlyList<SignerLeaseState> States => [];

    public ValueTask<bool> MayUseAsync(string network, EthAddress signer, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public ValueTask<SignerLeaseUse> EnterAsync(string network, EthAddress signer, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new SignerLeaseUse(0, tookOver: false, exit: null));

    public ValueTask<SignerLeaseUse?> TryEnterAsync(string network, EthAddress signer, CancellationToken cancellationToken) =>
        ValueTask.FromResult<SignerLeaseUse?>(new SignerLeaseUse(0, tookOver: false, exit: null));
}
