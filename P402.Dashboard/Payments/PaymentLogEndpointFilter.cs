using Microsoft.AspNetCore.Http.HttpResults;
using P402.Core.PaymentLogs;
using P402.Core.Payments;
using P402.Dashboard.Api;
using P402.Dashboard.Facilitator;

namespace P402.Dashboard.Payments;

/// <summary>
/// Puts every answer of <c>/verify</c> and <c>/settle</c> into the payment log: the handler's result as it leaves
/// (a payment answer, valid or not, or a problem), with what parsed of the request. Queued, not written: the
/// request does not wait for the database.
/// </summary>
internal static class PaymentLogEndpointFilter
{
    /// <summary>Logs the endpoint's answers as <paramref name="operation"/>.</summary>
    public static RouteHandlerBuilder LogPayments(this RouteHandlerBuilder builder, PaymentOperation operation) =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var writer = factory.ApplicationServices.GetRequiredService<PaymentLogWriter>();
            var time = factory.ApplicationServices.GetRequiredService<TimeProvider>();
            return async context =>
            {
                var http = context.HttpContext;
                object? result;
                try
                {
                    result = await next(context);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    await RecordAsync(writer, http, new(operation, time), null, e);
                    throw;
                }
                await RecordAsync(writer, http, new(operation, time), result, null);
                return result;
            };
        });

    /// <summary>The request's parsed payment, for the log; set by the handler once the body is read.</summary>
    public static void SetParsedPayment(HttpContext http, ParsedPayment? payment) => http.Features.Set(payment);

    private static ValueTask RecordAsync(PaymentLogWriter writer, HttpContext http, (PaymentOperation Operation, TimeProvider Time) at, object? result, Exception? failure)
    {
        if (ApiKeyAuthenticationHandler.TryCaller(http) is not { } caller)
        {
            return ValueTask.CompletedTask;
        }
        var context = new PaymentLogContext(caller.MerchantId, caller.KeyId, http.GetRequestId(), at.Operation, at.Time);
        var payment = http.Features.Get<ParsedPayment>();
        var entry = (failure, Unwrap(result)) switch
        {
            ({ }, _) => PaymentLogEntries.Create(context, StatusCodes.Status500InternalServerError, false, "INTERNAL_ERROR",
                "P402 failed to answer; the error is in its logs under this request id.", payment),
            (_, IValueHttpResult { Value: VerifyResponse v }) => PaymentLogEntries.Create(context, StatusCodes.Status200OK, v.Valid, v.Reason, v.Message, payment),
            (_, IValueHttpResult { Value: SettleResponse s }) => PaymentLogEntries.Create(context, StatusCodes.Status200OK, s.Success, s.Reason, s.Message,
                payment, s.SettlementId, s.TxHash),
            (_, ProblemHttpResult p) => PaymentLogEntries.Create(context, p.StatusCode, false, ProblemReason(p), p.ProblemDetails.Detail, payment),
            (_, IStatusCodeHttpResult { StatusCode: { } status }) => PaymentLogEntries.Create(context, status, status is >= 200 and < 300, null, null, payment),
            _ => PaymentLogEntries.Create(context, http.Response.StatusCode, false, null, null, payment),
        };
        return writer.RecordAsync(entry, CancellationToken.None);
    }

    private static object? Unwrap(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }
        return result;
    }

    /// <summary>A problem's P402 code when it names one (a malformed body: INVALID_PAYLOAD), else its title.</summary>
    private static string? ProblemReason(ProblemHttpResult problem) =>
        problem.ProblemDetails.Extensions.TryGetValue("reason", out var reason) && reason is string code ? code : problem.ProblemDetails.Title;
}
