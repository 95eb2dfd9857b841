using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using P402.Core.Payments;
using P402.Core.Payments.Identifiers;
using P402.Dashboard.Api;

namespace P402.Dashboard.Facilitator;

/// <summary>
/// x402's payment-identifier on <c>/verify</c> and <c>/settle</c>: the same id with the same payment gets the
/// stored answer again (with this request's id); the same id with another payment is a 409.
/// </summary>
internal static class PaymentIdAnswers
{
    /// <summary>A 409 when the id belongs to another payment, the stored answer when there is one, else null (answer it normally).</summary>
    public static async Task<(T? Stored, ProblemHttpResult? Conflict)> LookUpAsync<T>(HttpContext http, PaymentIdentifierStore ids, ParsedPayment payment,
        PaymentIdOperation operation, CancellationToken cancellationToken) where T : class
    {
        if (payment.PaymentId is not { } id)
        {
            return (null, null);
        }
        var binding = await ids.TakeAsync(ApiKeyAuthenticationHandler.Caller(http).MerchantId, id, payment, operation, cancellationToken);
        if (binding.Conflict)
        {
            return (null, ApiProblems.Problem(http, StatusCodes.Status409Conflict, "The payment id belongs to another payment.",
                $"Payment id '{id}' was first used with a different payment; use a new id for a new payment."));
        }
        return (binding.StoredAnswer is { } stored ? JsonSerializer.Deserialize<T>(stored, FacilitatorJson.Options) : null, null);
    }

    /// <summary>Keeps <paramref name="answer"/> for the id's repeats.</summary>
    public static Task SaveAsync<T>(HttpContext http, PaymentIdentifierStore ids, ParsedPayment payment, PaymentIdOperation operation, T answer) =>
        payment.PaymentId is { } id
            ? ids.SaveAnswerAsync(ApiKeyAuthenticationHandler.Caller(http).MerchantId, id, operation,
                JsonSerializer.Serialize(answer, FacilitatorJson.Options), CancellationToken.None)
            : Task.CompletedTask;
}
