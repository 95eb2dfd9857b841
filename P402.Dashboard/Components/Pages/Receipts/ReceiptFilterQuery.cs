using Microsoft.AspNetCore.WebUtilities;
using P402.Core.Receipts;

namespace P402.Dashboard.Components.Pages.Receipts;

/// <summary>The receipts filter in the page's URL (<c>receipts?state=active&amp;resource=/weather</c>, or <c>receipts?id=rcpt_…</c> for one), so it can be bookmarked and the back button restores it.</summary>
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
        if (!string.IsNullOrWhiteSpace(filter.Id))
        {
            query["id"] = filter.Id.Trim();
        }
        return QueryHelpers.AddQueryString(PagePath, query);
    }

    /// <summary>The page of one receipt (<c>receipts?id=rcpt_…</c>): the list opens on that receipt alone.</summary>
    public static string ReceiptUrl(string id) => PageUrl(new ReceiptFilter(Id: id));

    public static ReceiptFilter Parse(string? state, string? resource, string? payer, string? id = null) => new(
        Enum.TryParse<ReceiptState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null,
        string.IsNullOrWhiteSpace(resource) ? null : resource.Trim(),
        string.IsNullOrWhiteSpace(payer) ? null : payer.Trim(),
        string.IsNullOrWhiteSpace(id) ? null : id.Trim());
}
