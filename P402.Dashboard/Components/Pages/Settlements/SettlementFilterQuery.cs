using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using P402.Core.Payments;

namespace P402.Dashboard.Components.Pages.Settlements;

/// <summary>
/// The settlements filter as a query string, shared by the grid (to build the export link) and the
/// CSV endpoint (to read it back), so that the export is exactly the filtered set on screen.
/// </summary>
internal static class SettlementFilterQuery
{
    public const string ExportPath = "/dashboard/settlements.csv";

    public static string ExportUrl(SettlementFilter filter)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        Add(query, "status", filter.Status?.ToString());
        Add(query, "payer", filter.Payer);
        Add(query, "from", filter.From?.ToString("O", CultureInfo.InvariantCulture));
        Add(query, "to", filter.To?.ToString("O", CultureInfo.InvariantCulture));
        Add(query, "search", filter.Search);
        return QueryHelpers.AddQueryString(ExportPath, query);
    }

    public const string PagePath = "settlements";

    /// <summary>The settlements page showing <paramref name="filter"/>: a link to bookmark, one history entry per change.</summary>
    public static string PageUrl(SettlementFilter filter) => PagePath + ExportUrl(filter)[ExportPath.Length..];

    public static SettlementFilter Parse(IQueryCollection query) =>
        Parse(query["status"], query["payer"], query["from"], query["to"], query["search"]);

    public static SettlementFilter Parse(string? status, string? payer, string? from, string? to, string? search) => new(
        Status: Enum.TryParse<SettlementStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null,
        Payer: Text(payer),
        From: Time(from),
        To: Time(to),
        Search: Text(search));

    private static void Add(Dictionary<string, string?> query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query[name] = value.Trim();
        }
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTime? Time(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
            : null;
}
