namespace P402.Merchant;

/// <summary>One supported payment kind.</summary>
public sealed record SupportedKind(int X402Version, string Scheme, string Network);
