using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// The fast path of /verify's recovery and of signing: bitcoin-core's libsecp256k1 (Debian package
/// <c>libsecp256k1-1</c>, built with the recovery module), loaded at run time when present. <see cref="IsAvailable"/>
/// is false when the library is missing, lacks an export, or fails a known-answer self-test; callers then use
/// BouncyCastle (recovery) and NBitcoin.Secp256k1 (signing, Nethereum's signer). One context is created for the
/// process and shared: libsecp256k1 contexts are read-only once randomised.
/// </summary>
internal static unsafe class LibSecp256k1
{
    private const uint ContextSignAndVerify = 0x0301;
    private const uint Uncompressed = 0x0002;
    private static readonly string[] Candidates = ["libsecp256k1.so.1", "libsecp256k1.so.2", "libsecp256k1.so", "libsecp256k1"];

    private static readonly nint Context;
    private static readonly delegate* unmanaged<nint, byte*, byte*, int, int> ParseCompact;
    private static readonly delegate* unmanaged<nint, byte*, byte*, byte*, int> Recover;
    private static readonly delegate* unmanaged<nint, byte*, nuint*, byte*, uint, int> SerializePublicKey;
    private static readonly delegate* unmanaged<nint, byte*, byte*, byte*, nint, nint, int> SignRecoverable;
    private static readonly delegate* unmanaged<nint, byte*, int*, byte*, int> SerializeCompact;

    static LibSecp256k1()
    {
        if (!TryLoad(out var library)
            || !TryExport(library, "secp256k1_context_create", out var create)
            || !TryExport(library, "secp256k1_context_randomize", out var randomize)
            || !TryExport(library, "secp256k1_ecdsa_recoverable_signature_parse_compact", out var parse)
            || !TryExport(library, "secp256k1_ecdsa_recover", out var recover)
            || !TryExport(library, "secp256k1_ec_pubkey_serialize", out var serialize)
            || !TryExport(library, "secp256k1_ecdsa_sign_recoverable", out var sign)
            || !TryExport(library, "secp256k1_ecdsa_recoverable_signature_serialize_compact", out var serializeCompact))
        {
            return;
        }
        var context = ((delegate* unmanaged<uint, nint>)create)(ContextSignAndVerify);
        if (context == 0)
        {
            return;
        }
        // Blinding for signing, as libsecp256k1 recommends; done once, before the context is shared.
        Span<byte> seed = stackalloc byte[32];
        RandomNumberGenerator.Fill(seed);
        fixed (byte* seedPointer = seed)
        {
            _ = ((delegate* unmanaged<nint, byte*, int>)randomize)(context, seedPointer);
        }
        Context = context;
        ParseCompact = (delegate* unmanaged<nint, byte*, byte*, int, int>)parse;
        Recover = (delegate* unmanaged<nint, byte*, byte*, byte*, int>)recover;
        SerializePublicKey = (delegate* unmanaged<nint, byte*, nuint*, byte*, uint, int>)serialize;
        SignRecoverable = (delegate* unmanaged<nint, byte*, byte*, byte*, nint, nint, int>)sign;
        SerializeCompact = (delegate* unmanaged<nint, byte*, int*, byte*, int>)serializeCompact;
        IsAvailable = PassesSelfTest();
    }

    public static bool IsAvailable { get; }

    /// <summary>Recovers x || y from r || s (64 bytes), a recovery id and a 32-byte hash; no low-s check here.</summary>
    public static bool TryRecoverPublicKey(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> rs64, int recoveryId, Span<byte> publicKey64)
    {
        if (Context == 0 || hash32.Length != 32 || rs64.Length != 64 || publicKey64.Length < 64 || (uint)recoveryId > 3)
        {
            return false;
        }
        Span<byte> signature = stackalloc byte[65];
        Span<byte> publicKey = stackalloc byte[64];
        Span<byte> serialized = stackalloc byte[65];
        nuint length = 65;
        fixed (byte* hash = hash32, rs = rs64, sig = signature, key = publicKey, output = serialized)
        {
            if (ParseCompact(Context, sig, rs, recoveryId) != 1
                || Recover(Context, key, sig, hash) != 1
                || SerializePublicKey(Context, output, &length, key, Uncompressed) != 1 || length != 65)
            {
                return false;
            }
        }
        serialized[1..].CopyTo(publicKey64);
        return true;
    }

    /// <summary>Signs with the library's default nonce (RFC 6979, HMAC-SHA256, as NBitcoin.Secp256k1); s is always low.</summary>
    public static bool TrySign(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> privateKey32, Span<byte> rs64, out int recoveryId)
    {
        recoveryId = 0;
        if (Context == 0 || hash32.Length != 32 || privateKey32.Length != 32 || rs64.Length < 64)
        {
            return false;
        }
        Span<byte> signature = stackalloc byte[65];
        int id;
        fixed (byte* hash = hash32, secret = privateKey32, sig = signature, output = rs64)
        {
            if (SignRecoverable(Context, sig, hash, secret, 0, 0) != 1 || SerializeCompact(Context, output, &id, sig) != 1)
            {
                return false;
            }
        }
        recoveryId = id;
        return true;
    }

    /// <summary>DESIGN.md's EIP-712 vector, signed and recovered: a library with another ABI is not used.</summary>
    private static bool PassesSelfTest()
    {
        var digest = Convert.FromHexString("9ec527fd101c51abac28dd7a60ae2408a450792bb8fc1f3bbe6bdde735f7f67d");
        var key = Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        var expected = Convert.FromHexString(
            "6e725dfdfd650e8bcc1e4d6a9bc8f356bd22539a082524440a510b34feeddc11"
            + "4b696490355cde865fc04df462ea8d5ad5e6edf18a89a8c4fe2ec809c885eb0e");
        Span<byte> rs = stackalloc byte[64];
        Span<byte> publicKey = stackalloc byte[64];
        return TrySign(digest, key, rs, out var recoveryId) && recoveryId == 0 && rs.SequenceEqual(expected)
            && TryRecoverPublicKey(digest, expected, 0, publicKey)
            && EthAddress.FromPublicKey(publicKey).ToLowerHex() == "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    }

    private static bool TryLoad(out nint library)
    {
        foreach (var name in Candidates)
        {
            if (NativeLibrary.TryLoad(name, typeof(LibSecp256k1).Assembly, null, out library))
            {
                return true;
            }
        }
        library = 0;
        return false;
    }

    private static bool TryExport(nint library, string name, out nint address) => NativeLibrary.TryGetExport(library, name, out address);
}
