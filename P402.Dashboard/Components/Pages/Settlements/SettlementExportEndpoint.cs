using System.Globalization;
using System.Text;
using P402.Core.Payments;
using P402.Dashboard.Authorization;

namespace P402.Dashboard.Components.Pages.Settlements;

/// <summary>
/// <c>GET /dashboard/settlements.csv</c>: the signed-in merchant's settlements with the grid's filters,
/// streamed row by row (cookie scheme; an API key is never accepted here).
/// </summary>
internal static class SettlementExportEndpoint
{
    private static readonly string[] Columns =
    [
        "id", "status", "createdAt", "confirmedAt", "network", "asset", "payer", "payTo", "value", "valueUsdc", "nonce",
        "resource", "txHash", "blockNumber", "gasUsed", "effectiveGasPriceWei", "requestId", "apiKeyId", "errorReason", "errorMessage",
    ];

    public static IEndpointConventionBuilder MapSettlementExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(SettlementFilterQuery.ExportPath, ExportAsync)
            .RequireAuthorization(P402Policies.Member)
            .WithName("ExportSettlementsCsv")
            .WithSummary("The signed-in merchant's settlements as CSV, filtered like the dashboard grid.")
            .ExcludeFromDescription();

    internal static async Task ExportAsync(HttpContext context, SettlementQueries settlements, TimeProvider time)
    {
        var user = MerchantUser.From(context.User);
        if (user is null)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        var filter = SettlementFilterQuery.Parse(context.Request.Query);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"settlements-{stamp}.csv\"";
        context.Response.Headers.CacheControl = "no-store";

        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
        await writer.WriteLineAsync(string.Join(',', Columns));
        await foreach (var s in settlements.ExportAsync(user.MerchantId, filter, context.RequestAborted))
        {
            await writer.WriteLineAsync(Row(s));
        }
    }

    internal static string Row(SettlementView s) => string.Join(',',
        Cell(s.Id), Cell(s.Status.ToString()), Cell(Iso(s.CreatedAt)), Cell(Iso(s.ConfirmedAt)), Cell(s.Network), Cell(s.Asset),
        Cell(s.Payer), Cell(s.PayTo), Cell(Number(s.Value)), Cell((s.Value / 1_000_000m).ToString("0.000000", CultureInfo.InvariantCulture)),
        Cell(s.Nonce), Cell(s.Resource), Cell(s.TxHash), Cell(Number(s.BlockNumber)), Cell(Number(s.GasUsed)),
        Cell(Number(s.EffectiveGasPriceWei)), Cell(s.RequestId), Cell(s.ApiKeyId), Cell(s.ErrorReason), Cell(s.ErrorMessage));

    /// <summary>RFC 4180 quoting, and a leading apostrophe for text a spreadsheet would run as a formula.</summary>
    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string? Iso(DateTime? utc) => utc?.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
