using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.SmartWallets;

/// <summary>
/// An ERC-6492 signature taken apart: <c>abi.encode(factory, factoryCalldata, innerSignature) ‖ magic</c>.
/// The factory call deploys the counterfactual wallet; the inner signature is the wallet's EIP-1271 one.
/// </summary>
internal sealed record Erc6492Wrapper(EthAddress Factory, byte[] FactoryCalldata, byte[] InnerSignature)
{
    public const int SuffixLength = 32;

    /// <summary>The 32-byte magic suffix, 0x6492 repeated.</summary>
    public static readonly byte[] Suffix = [.. Enumerable.Repeat<byte[]>([0x64, 0x92], 16).SelectMany(pair => pair)];

    public static bool HasSuffix(ReadOnlySpan<byte> signature) =>
        signature.Length >= SuffixLength && signature[^SuffixLength..].SequenceEqual(Suffix);

    /// <summary>Decodes a signature that <see cref="HasSuffix"/>; null (and why) when the wrapper is malformed.</summary>
    public static Erc6492Wrapper? TryDecode(ReadOnlySpan<byte> signature, out string? problem)
    {
        problem = null;
        var wrapped = signature[..^SuffixLength];
        try
        {
            var wrapper = new Erc6492Wrapper(Abi.DecodeAddress(wrapped, 0), Abi.DecodeBytes(wrapped, 1), Abi.DecodeBytes(wrapped, 2));
            if (wrapper.InnerSignature.Length == 0)
            {
                problem = "The ERC-6492 wrapper's inner signature is empty.";
                return null;
            }
            return wrapper;
        }
        catch (EthereumFormatException e)
        {
            problem = $"The ERC-6492 wrapper is not abi.encode(address factory, bytes factoryCalldata, bytes signature): {e.Message}";
            return null;
        }
    }
}
