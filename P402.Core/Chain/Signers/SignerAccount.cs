using System.Numerics;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Core.Chain.Signers;

/// <summary>One facilitator key on one network: its nonce sequence, its last known ETH balance and its last error.</summary>
internal sealed class SignerAccount(EthKey key, IEthereumRpc rpc)
{
    private long _inFlight;
    private BigInteger? _balanceWei;

    public EthKey Key { get; } = key;

    public EthAddress Address => Key.Address;

    public NonceSequence Nonces { get; } = new(rpc, key.Address);

    /// <summary>Settlements this process is signing or broadcasting with the key right now.</summary>
    public long Submitting => Interlocked.Read(ref _inFlight);

    /// <summary>The balance at the last refresh; null before the first.</summary>
    public BigInteger? BalanceWei => _balanceWei;

    public string? LastError { get; private set; }

    public void SetBalance(BigInteger wei) => _balanceWei = wei;

    public void Began() => Interlocked.Increment(ref _inFlight);

    public void Ended() => Interlocked.Decrement(ref _inFlight);

    /// <summary>The node's refusal of this key's last transaction (a node message: no key material), or null once one succeeds.</summary>
    public void Outcome(string? error) => LastError = error;
}
