using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace P402.Merchant;

/// <summary>
/// Charges for one endpoint. Order: a presented receipt (verified by P402 for this URL) lets the request through
/// unpaid; otherwise a payment header is decoded and verified against this endpoint's own requirements; the
/// handler runs; only if its result is a success is the payment settled, and only then is the result returned
/// (decorated with the settlement headers). The filter sees the handler's result before it is written, so no
/// response buffering is needed: a failed settlement replaces the result with a 402 and the handler's body is
/// never sent. Handler exceptions propagate untouched (nothing settled). P402 trouble answers 503.
/// </summary>
internal sealed class P402PaymentFilter(PaymentTerms endpointTerms, ILogger logger)
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // The endpoint's terms, with this request's payTo when the endpoint chooses one per request (PayToFor).
        var terms = endpointTerms.For(http);
        if (!RequestUrl.TryGet(http.Request, out var resource))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request has no usable host.");
        }
        var client = http.RequestServices.GetRequiredService<IP402Client>();
        var path = http.Request.Path.Value ?? "/";
        string? receiptRefusal = null;
        var receipt = http.Request.Headers[P402HeaderNames.Receipt].ToString();
        if (terms.AcceptReceipts && receipt.Length > 0)
        {
            try
            {
                receiptRefusal = await ReceiptCheck.RefusalAsync(client, receipt, resource, path, logger, http.RequestAborted);
            }
            catch (Exception e) when (e is P402UnavailableException or P402ApiException)
            {
                return PaymentResponses.Unavailable(logger, e, "verifying a receipt", path);
            }
            if (receiptRefusal is null)
            {
                PaymentResponses.KeepOutOfSharedCaches(http.Response);
                return await next(context);
            }
        }

        var (header, responseHeader) = http.Request.Headers.ContainsKey(P402HeaderNames.PaymentSignature)
            ? (P402HeaderNames.PaymentSignature, P402HeaderNames.PaymentResponse)
            : (P402HeaderNames.XPayment, P402HeaderNames.XPaymentResponse);
        var value = http.Request.Headers[header].ToString();
        if (value.Length == 0)
        {
            return Required(terms, resource, receiptRefusal);
        }
        if (!X402HeaderCodec.TryDecode(value, out PaymentPayload? payload) || payload.X402Version is not (1 or 2))
        {
            P402PaymentLog.MalformedPayment(logger, header, path);
            return Required(terms, resource, "invalid_payload");
        }

        var requirements = terms.Requirements(payload.X402Version, resource);
        // The endpoint's own resource is authoritative, like its requirements: a receipt is bound to it.
        payload = payload.X402Version == 2 ? payload with { Resource = terms.Resource(resource) } : payload;
        // One payment id for this request's verify and settle: a settle whose answer was lost can be asked again.
        payload = PaymentIdentifier.Ensure(payload);
        VerifyResponse verified;
        try
        {
            verified = await client.VerifyAsync(
                new() { X402Version = payload.X402Version, PaymentPayload = payload, PaymentRequirements = requirements }, http.RequestAborted);
        }
        catch (P402ApiException e) when (e.StatusCode == HttpStatusCode.BadRequest)
        {
            P402PaymentLog.PaymentRefused(logger, path, "invalid_payload", e.RequestId);
            return Required(terms, resource, "invalid_payload");
        }
        catch (Exception e) when (e is P402UnavailableException or P402ApiException)
        {
            return PaymentResponses.Unavailable(logger, e, "verifying a payment", path);
        }
        if (!verified.IsValid)
        {
            var reason = verified.InvalidReason ?? verified.Reason ?? "invalid_payment";
            P402PaymentLog.PaymentRefused(logger, path, reason, verified.RequestId);
            return Required(terms, resource, reason);
        }

        var result = await next(context);
        var status = HandlerOutcome.StatusCode(result, http);
        if (status is < 200 or > 299)
        {
            P402PaymentLog.NotSettled(logger, path, status);
            return result;
        }
        return await SettleAsync(terms, client, new()
        {
            X402Version = payload.X402Version, PaymentPayload = payload, PaymentRequirements = requirements, Receipt = terms.Receipt,
        }, result, http, resource, responseHeader);
    }

    private async Task<object?> SettleAsync(PaymentTerms terms, IP402Client client, SettleRequest request, object? result, HttpContext http,
        Uri resource, string responseHeader)
    {
        var path = http.Request.Path.Value ?? "/";
        SettleResponse settled;
        try
        {
            settled = await SettleOnceMoreIfLostAsync(client, request, path);
        }
        catch (Exception e) when (e is P402UnavailableException or P402ApiException)
        {
            return PaymentResponses.Unavailable(logger, e, "settling a payment", path);
        }
        if (!settled.Success)
        {
            P402PaymentLog.SettleFailed(logger, path, settled.ErrorReason, settled.RequestId);
            var reason = settled.ErrorReason ?? "unexpected_settle_error";
            return new PaymentRequiredResult(terms.RequiredV2(resource, reason), terms.RequiredV1(resource, reason),
                responseHeader, settled.PaymentResponse);
        }
        P402PaymentLog.Settled(logger, terms.Amount, settled.Payer, path, settled.Transaction);
        if (http.Response.HasStarted)
        {
            P402PaymentLog.ResponseStarted(logger, path);
            return result;
        }
        PaymentResponses.KeepOutOfSharedCaches(http.Response);
        var headers = http.Response.Headers;
        headers[responseHeader] = X402HeaderCodec.Encode(settled.PaymentResponse);
        if (settled.Receipt is { } receipt)
        {
            headers[P402HeaderNames.Receipt] = receipt.Id;
            headers[P402HeaderNames.ReceiptExpires] = ReceiptFormat.Expires(receipt.ExpiresAt);
        }
        return result;
    }

    /// <summary>
    /// Asks P402 to settle; if the answer was lost (no connection, timeout, a 5xx), asks once more with the same
    /// payment id, which P402 answers as it answered the first. Not the request's token: once verified, the
    /// merchant wants the outcome even if the payer hung up.
    /// </summary>
    private async Task<SettleResponse> SettleOnceMoreIfLostAsync(IP402Client client, SettleRequest request, string path)
    {
        try
        {
            return await client.SettleAsync(request, CancellationToken.None);
        }
        catch (Exception e) when (e is P402UnavailableException or P402ApiException { StatusCode: >= HttpStatusCode.InternalServerError })
        {
            P402PaymentLog.SettleRetried(logger, path, e.Message);
            return await client.SettleAsync(request, CancellationToken.None);
        }
    }

    private static PaymentRequiredResult Required(PaymentTerms terms, Uri resource, string? error) =>
        new(terms.RequiredV2(resource, error ?? "PAYMENT-SIGNATURE header is required"),
            terms.RequiredV1(resource, error ?? "X-PAYMENT header is required"));
}
