namespace P402.Core.Merchants;

/// <summary>A business that charges for its API through P402. Every other record is scoped to one.</summary>
public sealed class Merchant
{
    public const string IdPrefix = "mch_";

    public required string Id { get; init; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; init; }

    public MerchantSettings Settings { get; set; } = new();
}
