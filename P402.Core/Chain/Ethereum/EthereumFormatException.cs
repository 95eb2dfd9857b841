namespace P402.Core.Chain.Ethereum;

/// <summary>
/// Input to an Ethereum primitive is malformed: bad hex, a wrong length, an integer out of range.
/// Callers at the edge map it to INVALID_PAYLOAD; it never means a bug in P402.
/// </summary>
public sealed class EthereumFormatException : FormatException
{
    public EthereumFormatException(string message) : base(message) { }
}
