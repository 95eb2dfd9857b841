using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.Signers;

/// <summary>The default <see cref="ISignerLeases"/>: one instance owns every configured key.</summary>
internal sealed class SingleInstanceSignerLeases : ISignerLeases
{
    public ValueTask<bool> MayUseAsync(string network, EthAddress signer, CancellationToken cancellationToken) => ValueTask.FromResult(true);
}
