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

    public static SettlementFilter Parse(IQueryCollection query) => new(
        Status: Enum.TryParse<SettlementStatus>(query["status"], ignoreCase: true, out var status) ? status : null,
        Payer: Text(query["payer"]),
        From: Time(query["from"]),
        To: Time(query["to"]),
        Search: Text(query["search"]));

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
