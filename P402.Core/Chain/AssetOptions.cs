namespace P402.Core.Chain;

/// <summary>An EIP-3009 token P402 accepts, with its EIP-712 domain.</summary>
public sealed class AssetOptions
{
    public string Address { get; set; } = "";

    public string Name { get; set; } = "";

    public string Version { get; set; } = "";

    public string Symbol { get; set; } = "USDC";

    public int Decimals { get; set; } = 6;
}
