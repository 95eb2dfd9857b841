using System.Text.Json;

namespace P402.Merchant;

/// <summary>Answer of <c>GET /supported</c>: the (version, scheme, network) kinds and the facilitator's signer addresses.</summary>
public sealed record SupportedResponse
{
    public IReadOnlyList<SupportedKind> Kinds { get; init; } = [];

    public IReadOnlyList<JsonElement> Extensions { get; init; } = [];

    /// <summary>Signer addresses by CAIP-2 pattern, e.g. <c>eip155:*</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Signers { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();
}
