using Microsoft.AspNetCore.Http;

namespace P402.Merchant;

/// <summary>
/// 402 in both protocol versions at once: the v2 <c>PAYMENT-REQUIRED</c> header and the v1 JSON body, plus
/// a <c>PAYMENT-RESPONSE</c>/<c>X-PAYMENT-RESPONSE</c> header when a settlement was attempted and failed.
/// </summary>
internal sealed class PaymentRequiredResult(PaymentRequired v2, PaymentRequired v1, string? responseHeader = null,
    PaymentResponse? response = null) : IResult, IStatusCodeHttpResult
{
    public PaymentRequired V2 => v2;

    public PaymentRequired V1 => v1;

    public int? StatusCode => StatusCodes.Status402PaymentRequired;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var http = httpContext.Response;
        http.StatusCode = StatusCodes.Status402PaymentRequired;
        http.Headers.CacheControl = "no-store";
        http.Headers[P402HeaderNames.PaymentRequired] = X402HeaderCodec.Encode(v2);
        if (responseHeader is not null && response is not null)
        {
            http.Headers[responseHeader] = X402HeaderCodec.Encode(response);
        }
        return http.WriteAsJsonAsync(v1, P402JsonContext.Default.PaymentRequired, "application/json", httpContext.RequestAborted);
    }
}
