using Microsoft.AspNetCore.Http.HttpResults;
using P402.Core.Common;
using P402.Core.Payments;
using P402.Core.Receipts;
using P402.Dashboard.Api;

namespace P402.Dashboard.Receipts;

/// <summary>Receipts REST API: issue, list, read, verify (counts a reuse), revoke.</summary>
internal static class ReceiptEndpoints
{
    public static RouteGroupBuilder MapReceipts(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/receipts").WithTags("Receipts").RequireAuthorization(ApiPolicies.Receipts);
        group.MapPost("/", Issue).WithName("IssueReceipt").WithSummary("Issues (or returns the existing) receipt for a confirmed settlement.");
        group.MapGet("/", List).WithName("ListReceipts").WithSummary("Lists receipts, newest first.");
        group.MapGet("/{id}", Get).WithName("GetReceipt").WithSummary("Reads one receipt.");
        group.MapGet("/{id}/verify", Verify).WithName("VerifyReceipt").WithSummary("Checks a receipt for a resource and counts one reuse.");
        group.MapPost("/{id}/revoke", Revoke).WithName("RevokeReceipt").WithSummary("Revokes a receipt at once; idempotent.");
        return api;
    }

    public static async Task<Results<Created<ReceiptResponse>, Ok<ReceiptResponse>, ProblemHttpResult>> Issue(HttpContext http, ReceiptService receipts, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<IssueReceiptRequest>(http.Request, ApiJson.Options, cancellationToken);
        if (error is not null)
        {
            return ApiProblems.BadRequest(http, error);
        }
        var result = await receipts.IssueAsync(Merchant(http), new IssueReceipt(body!.SettlementId, body.TxHash, body.TtlSeconds, body.Resource), cancellationToken);
        return result switch
        {
            { Receipt: { } view, Created: true } => TypedResults.Created($"/api/v1/receipts/{view.Id}", ReceiptResponse.From(view)),
            { Receipt: { } view } => TypedResults.Ok(ReceiptResponse.From(view)),
            { Code: ReceiptCode.SettlementNotFound } => ApiProblems.Problem(http, StatusCodes.Status404NotFound, "Not found.", result.Message!, Reason(result.Code.Value)),
            _ => ApiProblems.BadRequest(http, result.Message!, Reason(result.Code!.Value)),
        };
    }

    public static async Task<Results<Ok<PageResponse<ReceiptResponse>>, ProblemHttpResult>> List(HttpContext http, ReceiptService receipts,
        string? state, string? resource, string? payer, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (!TryParseState(state, out var parsed))
        {
            return ApiProblems.BadRequest(http, "state must be active, expired or revoked.");
        }
        if (PayerAddress.Problem(payer) is { } payerProblem)
        {
            return ApiProblems.BadRequest(http, payerProblem);
        }
        var result = await receipts.ListAsync(Merchant(http), new ReceiptFilter(parsed, resource, payer), new PageRequest(page ?? 1, pageSize ?? 25), cancellationToken);
        return TypedResults.Ok(PageResponse.From(result, ReceiptResponse.From, http.GetRequestId()));
    }

    public static async Task<Results<Ok<ReceiptResponse>, ProblemHttpResult>> Get(HttpContext http, ReceiptService receipts, string id, CancellationToken cancellationToken) =>
        await receipts.GetAsync(Merchant(http), id, cancellationToken) is { } view
            ? TypedResults.Ok(ReceiptResponse.From(view))
            : ApiProblems.NotFound(http, "No receipt of this merchant has that id.");

    public static async Task<Results<Ok<ReceiptVerifyResponse>, ProblemHttpResult>> Verify(HttpContext http, ReceiptVerifier verifier, string id, string? resource, CancellationToken cancellationToken)
    {
        var result = await verifier.VerifyAsync(Merchant(http), id, resource, cancellationToken);
        return result.Code == ReceiptCode.InvalidResource
            ? ApiProblems.BadRequest(http, "resource must be the absolute http(s) URL the receipt is presented for.", Reason(ReceiptCode.InvalidResource))
            : TypedResults.Ok(ReceiptVerifyResponse.From(result, http.GetRequestId()));
    }

    public static async Task<Results<Ok<ReceiptResponse>, ProblemHttpResult>> Revoke(HttpContext http, ReceiptService receipts, string id, CancellationToken cancellationToken)
    {
        var caller = ApiKeyAuthenticationHandler.Caller(http);
        return await receipts.RevokeAsync(caller.MerchantId, id, ReceiptRevoker.Key(caller.KeyId), cancellationToken) is { } view
            ? TypedResults.Ok(ReceiptResponse.From(view))
            : ApiProblems.NotFound(http, "No receipt of this merchant has that id.");
    }

    private static bool TryParseState(string? text, out ReceiptState? state)
    {
        state = text?.ToLowerInvariant() switch
        {
            "active" => ReceiptState.Active,
            "expired" => ReceiptState.Expired,
            "revoked" => ReceiptState.Revoked,
            _ => null,
        };
        return state is not null || string.IsNullOrEmpty(text);
    }

    private static Dictionary<string, object?> Reason(ReceiptCode code) => new() { ["reason"] = ReceiptCodes.Name(code) };

    private static string Merchant(HttpContext http) => ApiKeyAuthenticationHandler.Caller(http).MerchantId;
}
