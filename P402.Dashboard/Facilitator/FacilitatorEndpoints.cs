using Microsoft.AspNetCore.Http.HttpResults;
using P402.Core.Chain;
using P402.Core.PaymentLogs;
using P402.Core.Payments;
using P402.Core.Payments.Identifiers;
using P402.Core.Payments.X402;
using P402.Core.Receipts;
using P402.Dashboard.Api;
using P402.Dashboard.Payments;
using P402.Dashboard.Receipts;

namespace P402.Dashboard.Facilitator;

/// <summary>x402's facilitator API at the root: <c>/verify</c>, <c>/settle</c>, <c>/supported</c>.</summary>
internal static class FacilitatorEndpoints
{
    public static IEndpointRouteBuilder MapFacilitator(this IEndpointRouteBuilder app)
    {
        app.MapGet("/supported", GetSupported).WithName("GetSupported").WithSummary("Payment kinds, extensions (payment-identifier) and signers this facilitator supports.").WithTags("Facilitator");
        var group = app.MapGroup("").WithTags("Facilitator").RequireAuthorization(ApiPolicies.Facilitator).RequireRateLimiting(ApiRateLimits.PerKey);
        group.MapPost("/verify", Verify).WithName("Verify").WithSummary("Checks an x402 payment without executing it.")
            .LogPayments(PaymentOperation.Verify);
        group.MapPost("/settle", Settle).WithName("Settle").WithSummary("Executes an x402 payment on-chain (at most once), answers its success once, and optionally issues a receipt.")
            .LogPayments(PaymentOperation.Settle);
        return app;
    }

    public static SupportedResponse GetSupported(PaymentNetworks networks) => new(
        [.. networks.All.SelectMany(n => new[] { new SupportedKind(1, "exact", n.Options.V1Name), new SupportedKind(2, "exact", n.Network) })],
        [PaymentId.ExtensionName],
        new Dictionary<string, IReadOnlyList<string>> { ["eip155:*"] = [.. networks.All.SelectMany(n => n.SignerAddresses).Distinct().Select(a => a.ToString())] });

    public static async Task<Results<Ok<VerifyResponse>, ProblemHttpResult>> Verify(HttpContext http, PaymentVerifier verifier, PaymentIdentifierStore ids,
        CancellationToken cancellationToken)
    {
        var (_, payment, problem) = await ReadAsync(http, settle: false, cancellationToken);
        var (stored, conflict) = problem is null ? await PaymentIdAnswers.LookUpAsync<VerifyResponse>(http, ids, payment!, PaymentIdOperation.Verify, cancellationToken) : default;
        if ((problem ?? conflict) is { } refused)
        {
            return refused;
        }
        if (stored is not null)
        {
            return TypedResults.Ok(stored with { RequestId = http.GetRequestId() });
        }
        var outcome = await verifier.VerifyAsync(ApiKeyAuthenticationHandler.Caller(http).MerchantId, payment!, cancellationToken);
        var answer = FacilitatorResponses.Verify(outcome, payment!.X402Version, http.GetRequestId());
        if (answer.IsValid)
        {
            await PaymentIdAnswers.SaveAsync(http, ids, payment, PaymentIdOperation.Verify, answer);
        }
        return TypedResults.Ok(answer);
    }

    public static async Task<Results<Ok<SettleResponse>, ProblemHttpResult>> Settle(HttpContext http, PaymentSettler settler, ReceiptService receipts,
        PaymentNetworks networks, PaymentIdentifierStore ids, CancellationToken cancellationToken)
    {
        var (request, payment, problem) = await ReadAsync(http, settle: true, cancellationToken);
        var (stored, conflict) = problem is null ? await PaymentIdAnswers.LookUpAsync<SettleResponse>(http, ids, payment!, PaymentIdOperation.Settle, cancellationToken) : default;
        if ((problem ?? conflict) is { } refused)
        {
            return refused;
        }
        if (stored is not null)
        {
            return TypedResults.Ok(stored with { RequestId = http.GetRequestId() });
        }
        var caller = ApiKeyAuthenticationHandler.Caller(http);
        var outcome = await settler.SettleAsync(new SettleCommand(caller.MerchantId, caller.KeyId, http.GetRequestId(), payment!), cancellationToken);
        var answer = await AnswerAsync(http, outcome, request!, payment!, receipts, networks, cancellationToken);
        if (answer.Success)
        {
            await PaymentIdAnswers.SaveAsync(http, ids, payment!, PaymentIdOperation.Settle, answer);
        }
        return TypedResults.Ok(answer);
    }

    /// <summary>The settle answer, with the receipt when one was asked for and the payment was this request's success.</summary>
    private static async Task<SettleResponse> AnswerAsync(HttpContext http, SettleOutcome outcome, FacilitatorRequestDto request, ParsedPayment payment,
        ReceiptService receipts, PaymentNetworks networks, CancellationToken cancellationToken)
    {
        ReceiptResponse? receipt = null;
        ReceiptErrorResponse? receiptError = null;
        if (outcome.Success && request.Receipt is { } wanted)
        {
            var merchantId = ApiKeyAuthenticationHandler.Caller(http).MerchantId;
            var issued = await receipts.IssueAsync(merchantId, new IssueReceipt(outcome.Settlement!.Id, null, wanted.TtlSeconds, null), cancellationToken);
            receipt = issued.Receipt is { } view ? ReceiptResponse.From(view) : null;
            receiptError = issued.Code is { } code ? ReceiptErrorResponse.From(code, issued.Message!) : null;
        }
        // x402 v1 names networks by their v1 names ("base"): its clients would not recognise "eip155:8453".
        var network = payment.X402Version == 1 ? networks.Find(outcome.Network)?.Options.V1Name ?? payment.Network : outcome.Network;
        return FacilitatorResponses.Settle(outcome, network, payment.X402Version, http.GetRequestId(), receipt, receiptError);
    }

    private static async Task<(FacilitatorRequestDto? Request, ParsedPayment? Payment, ProblemHttpResult? Problem)> ReadAsync(HttpContext http, bool settle, CancellationToken cancellationToken)
    {
        var (request, error) = await JsonBody.ReadAsync<FacilitatorRequestDto>(http.Request, FacilitatorJson.Options, cancellationToken);
        var parsed = error is null ? PaymentParser.Parse(request) : null;
        error ??= parsed!.Error;
        PaymentLogEndpointFilter.SetParsedPayment(http, parsed?.Payment);
        return error is null
            ? (request, parsed!.Payment, null)
            : (null, null, ApiProblems.BadRequest(http, error, FacilitatorResponses.InvalidPayloadFields(settle)));
    }
}
