namespace P402.Core.Chain.Signers;

/// <summary>One signer key as the overview shows it: its ETH, its settlements awaiting their block, the node's last refusal.</summary>
public sealed record SignerSnapshot(string Address, decimal EthBalance, bool LowBalance, int InFlight, string? LastError);
