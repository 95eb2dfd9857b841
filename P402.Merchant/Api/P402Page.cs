namespace P402.Merchant;

/// <summary>One page of a REST API list (<c>page</c> is 1-based).</summary>
public sealed record P402Page<T>
{
    public IReadOnlyList<T> Items { get; init; } = [];

    public int Page { get; init; }

    public int PageSize { get; init; }

    public long Total { get; init; }

    public string? RequestId { get; init; }
}
