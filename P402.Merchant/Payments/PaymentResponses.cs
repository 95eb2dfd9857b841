using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace P402.Merchant;

/// <summary>The filter's answers that do not depend on the endpoint's terms.</summary>
internal static class PaymentResponses
{
    // A paid answer must not be served to the next caller by a CDN; the handler's result may still set its own.
    public static void KeepOutOfSharedCaches(HttpResponse response)
    {
        if (!response.HasStarted && string.IsNullOrEmpty(response.Headers.CacheControl))
        {
            response.Headers.CacheControl = "no-store";
        }
    }

    public static ProblemHttpResult Unavailable(ILogger logger, Exception e, string operation, string path)
    {
        P402PaymentLog.Unavailable(logger, operation, path, e);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Payment service unavailable",
            detail: "The payment facilitator could not be reached or refused the request. Try again shortly.",
            extensions: e is P402ApiException { RequestId: { } id } ? new Dictionary<string, object?> { ["p402RequestId"] = id } : null);
    }
}
