using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.DevChain;

/// <summary>
/// One of anvil's default accounts (from its public test mnemonic). The keys are public knowledge and
/// worthless outside a dev chain; still, <see cref="ToString"/> leaves the key out so it stays out of logs.
/// </summary>
public sealed record DevAccount(int Index, EthAddress Address, string PrivateKey)
{
    public override string ToString() => $"anvil account {Index} ({Address})";
}
