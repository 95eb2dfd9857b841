using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Math.EC;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// The secp256k1 curve of the BouncyCastle recovery fallback, built once: BouncyCastle's custom curve
/// (fast field arithmetic and the GLV endomorphism), which Nethereum's generic-curve ECKey does not use.
/// </summary>
internal static class Secp256k1
{
    public static ECCurve Curve { get; }

    public static ECPoint G { get; }

    public static BcBigInteger N { get; }

    static Secp256k1()
    {
        var parameters = CustomNamedCurves.GetByName("secp256k1");
        Curve = parameters.Curve;
        G = parameters.G;
        N = parameters.N;
    }

    public static BcBigInteger ToScalar(ReadOnlySpan<byte> bigEndian) => new(1, bigEndian);
}
