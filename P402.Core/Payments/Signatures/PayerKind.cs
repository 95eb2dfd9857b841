namespace P402.Core.Payments.Signatures;

/// <summary>Who paid a settlement, as the chain saw the payer: recorded on the settlement, shown in the dashboard and API.</summary>
public enum PayerKind
{
    /// <summary>A plain key: the signature recovers to <c>from</c>.</summary>
    Eoa,

    /// <summary>A deployed contract wallet, checked with EIP-1271.</summary>
    ContractWallet,

    /// <summary>A counterfactual (ERC-6492) wallet that P402 deployed in the settlement's own transaction.</summary>
    DeployedBySettlement,
}
