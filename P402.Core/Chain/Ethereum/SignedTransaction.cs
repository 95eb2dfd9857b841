namespace P402.Core.Chain.Ethereum;

/// <summary>
/// A signed transaction ready for <c>eth_sendRawTransaction</c>: <paramref name="Raw"/> is the
/// serialised envelope and <paramref name="Hash"/> = keccak256(Raw), the transaction hash.
/// </summary>
public sealed record SignedTransaction(byte[] Raw, byte[] Hash)
{
    /// <summary>0x-prefixed hex of <see cref="Raw"/>, the parameter of <c>eth_sendRawTransaction</c>.</summary>
    public string RawHex => Hex.Encode(Raw);

    /// <summary>0x-prefixed hex of <see cref="Hash"/>, as the node reports it.</summary>
    public string HashHex => Hex.Encode(Hash);

    internal static SignedTransaction FromRaw(byte[] raw) => new(raw, Keccak256.Hash(raw));
}
