namespace P402.Dashboard.Facilitator;

public sealed record SupportedKind(int X402Version, string Scheme, string Network);
