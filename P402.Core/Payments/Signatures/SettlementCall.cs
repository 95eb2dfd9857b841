using P402.Core.Chain.Ethereum;

namespace P402.Core.Payments.Signatures;

/// <summary>
/// The transaction a settlement sends: to the token, or to Multicall3 when a wallet is deployed first.
/// <see cref="DeploymentGas"/> is the deployment's own gas (estimated), which the facilitator pays on top
/// of the merchant's gas limit for the transfer.
/// </summary>
internal sealed record SettlementCall(EthAddress To, byte[] Data, PayerKind PayerKind, long? DeploymentGas);
