using Microsoft.AspNetCore.Http.HttpResults;
using P402.Core.Chain;
using P402.Core.Payments;
using P402.Core.Payments.X402;
using P402.Core.Receipts;
using P402.Dashboard.Api;
using P402.Dashboard.Receipts;

namespace P402.Dashboard.Facilitator;

/// <summary>x402's facilitator API at the root: <c>/verify</c>, <c>/settle</c>, <c>/supported</c>.</summary>
internal static class FacilitatorEndpoints
{
    public static IEndpointRouteBuilder MapFacilitator(this IEndpointRouteBuilder app)
    {
        app.MapGet("/supported", GetSupported).WithName("GetSupported").WithSummary("Payment kinds and signers this facilitator supports.").WithTags("Facilitator");
        var group = app.MapGroup("").WithTags("Facilitator").RequireAuthorization(ApiPolicies.Facilitator).RequireRateLimiting(ApiRateLimits.PerKey);
        group.MapPost("/verify", Verify).WithName("Verify").WithSummary("Checks an x402 payment without executing it.");
        group.MapPost("/settle", Settle).WithName("Settle").WithSummary("Executes an x402 payment on-chain (at most once) and optionally issues a receipt.");
        return app;
    }

    public static SupportedResponse GetSupported(PaymentNetworks networks, ChainRuntime chain) => new(
        [.. networks.All.SelectMany(n => new[] { new SupportedKind(1, "exact", n.Options.V1Name), new SupportedKind(2, "exact", n.Network) })],
        [],
        new Dictionary<string, IReadOnlyList<string>> { ["eip155:*"] = [chain.FacilitatorAddress.ToString()] });

    public static async Task<Results<Ok<VerifyResponse>, ProblemHttpResult>> Verify(HttpContext http, PaymentVerifier verifier, CancellationToken cancellationToken)
    {
        var (request, payment, problem) = await ReadAsync(http, settle: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var outcome = await verifier.VerifyAsync(ApiKeyAuthenticationHandler.Caller(http).MerchantId, payment!, cancellationToken);
        return TypedResults.Ok(FacilitatorResponses.Verify(outcome, payment!.X402Version, http.GetRequestId()));
    }

    public static async Task<Results<Ok<SettleResponse>, ProblemHttpResult>> Settle(HttpContext http, PaymentSettler settler, ReceiptService receipts,
        PaymentNetworks networks, CancellationToken cancellationToken)
    {
        var (request, payment, problem) = await ReadAsync(http, settle: true, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var caller = ApiKeyAuthenticationHandler.Caller(http);
        var outcome = await settler.SettleAsync(new SettleCommand(caller.MerchantId, caller.KeyId, http.GetRequestId(), payment!), cancellationToken);
        ReceiptResponse? receipt = null;
        ReceiptErrorResponse? receiptError = null;
        if (outcome.Success && request!.Receipt is { } wanted)
        {
            var issued = await receipts.IssueAsync(caller.MerchantId, new IssueReceipt(outcome.Settlement!.Id, null, wanted.TtlSeconds, null), cancellationToken);
            receipt = issued.Receipt is { } view ? ReceiptResponse.From(view) : null;
            receiptError = issued.Code is { } code ? ReceiptErrorResponse.From(code, issued.Message!) : null;
        }
        // x402 v1 names networks by their v1 names ("base"): its clients would not recognise "eip155:8453".
        var network = payment!.X402Version == 1 ? networks.Find(outcome.Network)?.Options.V1Name ?? payment.Network : outcome.Network;
        return TypedResults.Ok(FacilitatorResponses.Settle(outcome, network, payment.X402Version, http.GetRequestId(), receipt, receiptError));
    }

    private static async Task<(FacilitatorRequestDto? Request, ParsedPayment? Payment, ProblemHttpResult? Problem)> ReadAsync(HttpContext http, bool settle, CancellationToken cancellationToken)
    {
        var (request, error) = await JsonBody.ReadAsync<FacilitatorRequestDto>(http.Request, FacilitatorJson.Options, cancellationToken);
        var parsed = error is null ? PaymentParser.Parse(request) : null;
        error ??= parsed!.Error;
        return error is null
            ? (request, parsed!.Payment, null)
            : (null, null, ApiProblems.BadRequest(http, error, FacilitatorResponses.InvalidPayloadFields(settle)));
    }
}
