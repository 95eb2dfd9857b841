using System.Net;
using Microsoft.Extensions.Logging;

namespace P402.Merchant;

/// <summary>Asks P402 whether a presented receipt is good for this URL now: null when it is, else the refusal code.</summary>
internal static class ReceiptCheck
{
    public static async Task<string?> RefusalAsync(IP402Client client, string id, Uri resource, string path, ILogger logger,
        CancellationToken cancellationToken)
    {
        string? refusal;
        if (!ReceiptFormat.IsPlausibleId(id))
        {
            refusal = "RECEIPT_NOT_FOUND";
        }
        else
        {
            try
            {
                var verification = await client.VerifyReceiptAsync(id, resource, cancellationToken);
                if (verification.Valid)
                {
                    P402PaymentLog.ReceiptAccepted(logger, path, verification.ReuseCount);
                    return null;
                }
                refusal = verification.Reason ?? "RECEIPT_INVALID";
            }
            catch (P402ApiException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
            {
                refusal = "RECEIPT_NOT_FOUND";
            }
        }
        P402PaymentLog.ReceiptRefused(logger, path, refusal);
        return refusal;
    }
}
