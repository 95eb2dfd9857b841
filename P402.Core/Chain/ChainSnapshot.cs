using P402.Core.Chain.Signers;

namespace P402.Core.Chain;

/// <summary>What the overview shows about the chain: the facilitator wallet (the first key), every signer key, and the network's gas price.</summary>
public sealed record ChainSnapshot(
    string Network,
    string FacilitatorAddress,
    decimal FacilitatorEthBalance,
    bool LowBalance,
    long GasPriceWei,
    long BlockNumber,
    bool IsDevChain,
    string? ExplorerTxUrlFormat,
    IReadOnlyList<SignerSnapshot>? Signers = null);
