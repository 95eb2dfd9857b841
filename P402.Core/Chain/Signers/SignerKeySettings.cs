using System.Globalization;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.Signers;

/// <summary>
/// The facilitator's signer keys as configured: <c>Chain:FacilitatorPrivateKey</c> and the list
/// <c>Chain:FacilitatorPrivateKeys:0…n</c> (from the environment or user-secrets). A malformed one is
/// named by its setting, never shown: the messages carry no part of a key.
/// </summary>
internal static class SignerKeySettings
{
    public const string SingleSetting = "Chain:FacilitatorPrivateKey";
    public const string ListSetting = "Chain:FacilitatorPrivateKeys";

    /// <summary>(setting name, value) of every key given, in order.</summary>
    public static IEnumerable<(string Setting, string Value)> Configured(ChainOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.FacilitatorPrivateKey))
        {
            yield return (SingleSetting, options.FacilitatorPrivateKey);
        }
        for (var i = 0; i < options.FacilitatorPrivateKeys.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(options.FacilitatorPrivateKeys[i]))
            {
                yield return (string.Create(CultureInfo.InvariantCulture, $"{ListSetting}:{i}"), options.FacilitatorPrivateKeys[i]);
            }
        }
    }

    /// <summary>One message per malformed key; empty when every key parses.</summary>
    public static IReadOnlyList<string> Problems(ChainOptions options) =>
        [.. Configured(options).Where(k => !IsWellFormed(k.Value)).Select(k =>
            $"{k.Setting} is not a private key: expected 64 hex digits (32 bytes, 0x optional) of a valid secp256k1 key. Its value is not shown.")];

    /// <summary>The distinct keys, parsed (call after <see cref="Problems"/> is empty).</summary>
    public static IReadOnlyList<EthKey> Parse(ChainOptions options) =>
        [.. Configured(options).Select(k => EthKey.Parse(k.Value.Trim())).DistinctBy(k => k.Address)];

    private static bool IsWellFormed(string value)
    {
        try
        {
            _ = EthKey.Parse(value.Trim());
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
