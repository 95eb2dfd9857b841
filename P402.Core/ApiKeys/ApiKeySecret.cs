using System.Security.Cryptography;
using System.Text;

namespace P402.Core.ApiKeys;

/// <summary>
/// Makes and hashes key secrets: <c>p402_live_</c> + 32 random bytes in base62-free URL-safe base64.
/// A SHA-256 is enough (not a slow KDF): the secret has 256 bits of entropy, nothing to brute-force.
/// </summary>
internal static class ApiKeySecret
{
    public const string LivePrefix = "p402_live_";
    public const string TestPrefix = "p402_test_";
    private const int DisplayChars = 4;

    public static string Generate(ApiKeyMode mode)
    {
        var random = RandomNumberGenerator.GetBytes(32);
        var body = Convert.ToBase64String(random).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (mode == ApiKeyMode.Live ? LivePrefix : TestPrefix) + body;
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string DisplayPrefix(string secret) =>
        secret[..Math.Min(secret.Length, LivePrefix.Length + DisplayChars)];

    /// <summary>Cheap shape check before any database work, so junk never costs a query.</summary>
    public static bool LooksValid(string? secret) =>
        secret is { Length: >= 40 and <= 100 }
        && (secret.StartsWith(LivePrefix, StringComparison.Ordinal) || secret.StartsWith(TestPrefix, StringComparison.Ordinal));
}
