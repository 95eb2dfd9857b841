using Microsoft.AspNetCore.Http.HttpResults;
using P402.Core.Common;
using P402.Core.PaymentLogs;
using P402.Dashboard.Api;

namespace P402.Dashboard.Payments;

/// <summary>The payment log of the caller's merchant: every answer of /verify and /settle, valid or not.</summary>
internal static class PaymentEndpoints
{
    public static RouteGroupBuilder MapPayments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/payments").WithTags("Payments").RequireAuthorization(ApiPolicies.Read);
        group.MapGet("/", List).WithName("ListPayments")
            .WithSummary("Lists the answers of /verify and /settle, newest first; filters: requestId, payer, resource (a part of the URL), operation, valid, from, to.");
        return api;
    }

    public static async Task<Results<Ok<PageResponse<PaymentLogResponse>>, ProblemHttpResult>> List(HttpContext http, PaymentLogQueries log,
        string? requestId, string? payer, string? resource, string? operation, bool? valid, DateTime? from, DateTime? to, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        PaymentOperation? wanted = null;
        if (!string.IsNullOrEmpty(operation))
        {
            if (!Enum.TryParse<PaymentOperation>(operation, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ApiProblems.BadRequest(http, "operation must be verify or settle.");
            }
            wanted = parsed;
        }
        var filter = new PaymentLogFilter(requestId, payer, resource, wanted, valid, from?.ToUniversalTime(), to?.ToUniversalTime());
        if (PaymentLogFilterRules.Problem(filter) is { } problem)
        {
            return ApiProblems.BadRequest(http, problem);
        }
        var merchantId = ApiKeyAuthenticationHandler.Caller(http).MerchantId;
        var result = await log.ListAsync(merchantId, filter, new PageRequest(page ?? 1, pageSize ?? 25), cancellationToken);
        return TypedResults.Ok(PageResponse.From(result, PaymentLogResponse.From, http.GetRequestId()));
    }
}
