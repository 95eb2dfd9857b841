using P402.Core.Common;

namespace P402.Dashboard.Api;

/// <summary>A page of API objects with the total of the filtered set.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, string RequestId);

/// <summary>Builds <see cref="PageResponse{T}"/> from a Core page.</summary>
internal static class PageResponse
{
    public static PageResponse<T> From<TSource, T>(Page<TSource> page, Func<TSource, T> map, string requestId) =>
        new([.. page.Items.Select(map)], page.PageNumber, page.PageSize, page.Total, requestId);
}
