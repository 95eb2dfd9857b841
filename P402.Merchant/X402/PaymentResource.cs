namespace P402.Merchant;

/// <summary>The v2 <c>resource</c> object: what is being paid for.</summary>
public sealed record PaymentResource
{
    public required string Url { get; init; }

    public string? Description { get; init; }

    public string? MimeType { get; init; }
}
