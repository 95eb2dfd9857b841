namespace P402.Dashboard.Facilitator;

/// <summary>x402's <c>/supported</c>: every (version, scheme, network) P402 settles and its signers.</summary>
public sealed record SupportedResponse(
    IReadOnlyList<SupportedKind> Kinds,
    IReadOnlyList<string> Extensions,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Signers);
