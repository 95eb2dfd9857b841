using Microsoft.AspNetCore.WebUtilities;
using P402.Core.Receipts;

namespace P402.Dashboard.Components.Pages.Receipts;

/// <summary>The receipts filter in the page's URL (<c>receipts?state=active&amp;resource=/weather</c>), so it can be bookmarked and the back button restores it.</summary>
internal static class ReceiptFilterQuery
{
    public const string PagePath = "receipts";

    public static string PageUrl(ReceiptFilter filter)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (filter.State is { } state)
        {
            query["state"] = state.ToString().ToLowerInvariant();
        }
        if (!string.IsNullOrWhiteSpace(filter.Resource))
        {
            query["resource"] = filter.Resource.Trim();
        }
        if (!string.IsNullOrWhiteSpace(filter.Payer))
        {
            query["payer"] = filter.Payer.Trim();
        }
        return QueryHelpers.AddQueryString(PagePath, query);
    }

    public static ReceiptFilter Parse(string? state, string? resource, string? payer) => new(
        Enum.TryParse<ReceiptState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null,
        string.IsNullOrWhiteSpace(resource) ? null : resource.Trim(),
        string.IsNullOrWhiteSpace(payer) ? null : payer.Trim());
}
