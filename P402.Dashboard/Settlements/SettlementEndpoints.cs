using Microsoft.AspNetCore.Http.HttpResults;
using P402.Core.Common;
using P402.Core.Payments;
using P402.Dashboard.Api;

namespace P402.Dashboard.Settlements;

/// <summary>Settlement history of the caller's merchant.</summary>
internal static class SettlementEndpoints
{
    public static RouteGroupBuilder MapSettlements(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/settlements").WithTags("Settlements").RequireAuthorization(ApiPolicies.Read);
        group.MapGet("/", List).WithName("ListSettlements").WithSummary("Lists settlements, newest first; filters: status, payer, from, to.");
        group.MapGet("/{id}", Get).WithName("GetSettlement").WithSummary("Reads one settlement, with every broadcast of its transaction (attempts).");
        return api;
    }

    public static async Task<Results<Ok<PageResponse<SettlementResponse>>, ProblemHttpResult>> List(HttpContext http, SettlementQueries settlements, string? status, string? payer,
        DateTime? from, DateTime? to, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        // The API writes statuses in lower case ("confirmed"); a filter takes them as written, in any case.
        SettlementStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<SettlementStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ApiProblems.BadRequest(http, $"status must be one of: {string.Join(", ", Enum.GetNames<SettlementStatus>().Select(n => n.ToLowerInvariant()))}.");
            }
            wanted = parsed;
        }
        var filter = new SettlementFilter(wanted, payer, from?.ToUniversalTime(), to?.ToUniversalTime());
        if (SettlementFilterRules.Validate(filter) is { Count: > 0 } errors)
        {
            return ApiProblems.BadRequest(http, string.Join(" ", errors.Values),
                new Dictionary<string, object?> { ["errors"] = errors.ToDictionary(e => e.Key, e => new[] { e.Value }) });
        }
        var result = await settlements.ListAsync(Merchant(http), filter, new PageRequest(page ?? 1, pageSize ?? 25), cancellationToken);
        return TypedResults.Ok(PageResponse.From(result, SettlementResponse.From, http.GetRequestId()));
    }

    public static async Task<Results<Ok<SettlementResponse>, ProblemHttpResult>> Get(HttpContext http, SettlementQueries settlements, string id, CancellationToken cancellationToken) =>
        await settlements.GetAsync(Merchant(http), id, cancellationToken) is { } view
            ? TypedResults.Ok(SettlementResponse.From(view) with { Attempts = [.. view.Attempts.Select(AttemptResponse.From)] })
            : ApiProblems.NotFound(http, "No settlement of this merchant has that id.");

    private static string Merchant(HttpContext http) => ApiKeyAuthenticationHandler.Caller(http).MerchantId;
}
