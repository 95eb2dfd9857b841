namespace P402.Dashboard.Demo;

/// <summary>
/// A request that presented a receipt instead of paying: 2xx when P402 accepted it (one reuse counted),
/// otherwise a 402 whose <paramref name="Refusal"/> is the reason, e.g. <c>RECEIPT_REVOKED</c>.
/// </summary>
internal sealed record PlaygroundReuse(string ReceiptId, int Status, string? Body, string? Refusal)
{
    public bool Accepted => Status is >= 200 and < 300;
}
