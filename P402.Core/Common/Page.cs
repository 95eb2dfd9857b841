namespace P402.Core.Common;

/// <summary>One page of results with the total count of the filtered set.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);
