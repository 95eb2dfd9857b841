using System.Globalization;
using P402.Core.Payments;
using P402.Core.Receipts;
using P402.Dashboard.Components.Shared;
using P402.Dashboard.Demo;
using P402.Merchant;

namespace P402.Dashboard.Components.Pages.Playground.Components;

/// <summary>Turns what the playground payer saw into timeline steps a newcomer can follow.</summary>
internal static class PlaygroundSteps
{
    public static IEnumerable<PlaygroundStep> ForPayment(PlaygroundPayment payment, SettlementView? settlement, ReceiptView? receipt, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var request = new PlaygroundField("Request", "GET " + payment.Resource.PathAndQuery, Code: true);
        if (payment.Required is not { } required)
        {
            yield return Failed(payment.Failure ?? "The endpoint did not ask for a payment.", at, request, payment.Body);
            yield break;
        }
        var offer = payment.Accepted ?? (required.Accepts.Count > 0 ? required.Accepts[0] : null);
        yield return new PlaygroundStep("payment-required", "402 Payment Required",
            $"The endpoint answers nothing until it is paid. Its PAYMENT-REQUIRED header asks for {Amount(offer?.Amount)} USDC.",
            PlaygroundStepTone.Info, at)
        {
            Fields =
            [
                request,
                new("Price", Amount(offer?.Amount) + " USDC"),
                new("Pay to", offer?.PayTo ?? "—", Code: true),
                new("Network", offer?.Network ?? "—", Code: true),
            ],
        };
        if (payment.Signed is not { } signed)
        {
            yield return Failed(payment.Failure ?? "Nothing was signed.", at);
            yield break;
        }
        var authorization = signed.Authorization;
        yield return new PlaygroundStep("signed", "Payment authorization signed",
            "The payer signed an EIP-3009 TransferWithAuthorization (EIP-712 typed data) with its own key. No transaction and no gas for the payer: P402 will submit it.",
            PlaygroundStepTone.Info, at)
        {
            Fields =
            [
                new("From", authorization.From, Code: true),
                new("To", authorization.To, Code: true),
                new("Value", Amount(authorization.Value) + " USDC"),
                new("Valid until", Format.TimeWithSeconds(UnixTime(authorization.ValidBefore))),
                new("Nonce", Format.Short(authorization.Nonce, 10), Code: true),
                new("Signature", Format.Short(signed.Signature, 10), Code: true),
            ],
        };
        var paidOk = payment.PaidStatus is >= 200 and < 300;
        yield return new PlaygroundStep("paid", $"Retried with PAYMENT-SIGNATURE → {payment.PaidStatus}",
            paidOk
                ? "P402 verified the signature, the amount and the payer's balance; the endpoint ran; then P402 settled the payment."
                : $"The payment was refused: {payment.Refusal ?? payment.Settlement?.ErrorReason ?? "see the response"}.",
            paidOk ? PlaygroundStepTone.Success : PlaygroundStepTone.Error, at)
        {
            Body = PlaygroundBody.Pretty(payment.Body),
        };
        if (payment.Settlement is { Success: true } settled)
        {
            yield return Settled(settled, settlement, at);
        }
        if (payment.ReceiptId is { } receiptId)
        {
            yield return new PlaygroundStep("receipt", "Receipt issued",
                "Send it in the P402-Receipt header to call the same URL again without paying, until it expires or is revoked.",
                PlaygroundStepTone.Success, at)
            {
                Fields =
                [
                    new("Receipt", receiptId, Code: true),
                    new("Expires", receipt is null ? payment.ReceiptExpires ?? "—" : Format.TimeWithSeconds(receipt.ExpiresAt)),
                    new("Bound to", receipt?.Resource ?? payment.Resource.AbsoluteUri, Code: true),
                ],
            };
        }
    }

    public static PlaygroundStep ForReuse(PlaygroundReuse reuse, ReceiptView? receipt, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reuse);
        var header = new PlaygroundField("Header", $"{P402HeaderNames.Receipt}: {reuse.ReceiptId}", Code: true);
        return reuse.Accepted
            ? new PlaygroundStep("reused", $"Receipt accepted → {reuse.Status}, nothing paid",
                "P402 checked the receipt for this URL and counted one more reuse. No signature, no transaction.", PlaygroundStepTone.Success, at)
            {
                Fields = [header, new("Reuse count", receipt is null ? "—" : Format.Number(receipt.ReuseCount))],
                Body = PlaygroundBody.Pretty(reuse.Body),
            }
            : new PlaygroundStep("refused", $"Receipt refused: {reuse.Refusal ?? reuse.Status.ToString(CultureInfo.InvariantCulture)}",
                "The endpoint answered 402 again. Pay to get a new receipt.", PlaygroundStepTone.Warning, at)
            {
                Fields = [header, new("Status", reuse.Status.ToString(CultureInfo.InvariantCulture))],
            };
    }

    public static PlaygroundStep ForRevoke(ReceiptView receipt, string? revokedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new PlaygroundStep("revoked", "Receipt revoked",
            "From the very next request on, P402 refuses this receipt, on every instance.", PlaygroundStepTone.Warning, at)
        {
            Fields =
            [
                new("Receipt", receipt.Id, Code: true),
                new("Revoked by", revokedBy ?? "—"),
                new("Reuses before", Format.Number(receipt.ReuseCount)),
            ],
        };
    }

    public static PlaygroundStep Failed(string message, DateTimeOffset at, PlaygroundField? field = null, string? body = null) =>
        new("failed", "Stopped", message, PlaygroundStepTone.Error, at) { Fields = field is null ? [] : [field], Body = PlaygroundBody.Pretty(body) };

    private static PlaygroundStep Settled(PaymentResponse settled, SettlementView? settlement, DateTimeOffset at) =>
        new("settled", "Settled on chain",
            "P402 submitted transferWithAuthorization from its facilitator wallet, paid the gas and waited for the block.",
            PlaygroundStepTone.Success, at)
        {
            Fields =
            [
                new("Transaction", settled.Transaction, Code: true),
                new("Status", settlement?.Status.ToString() ?? "—"),
                new("Block", settlement?.BlockNumber is { } block ? Format.Number(block) : "—"),
                new("Gas used", settlement?.GasUsed is { } gas ? Format.Number(gas) : "—"),
                new("Settlement", settlement?.Id ?? "—", Code: true),
            ],
        };

    private static string Amount(string? atomic) =>
        long.TryParse(atomic, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? Format.Usdc(value) : atomic ?? "—";

    private static DateTime? UnixTime(string seconds) =>
        long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? DateTimeOffset.FromUnixTimeSeconds(value).UtcDateTime
            : null;
}
