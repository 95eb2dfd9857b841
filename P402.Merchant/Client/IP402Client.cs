namespace P402.Merchant;

/// <summary>
/// P402's REST API. Non-success HTTP answers throw <see cref="P402ApiException"/>; an unreachable P402 or a
/// timeout throws <see cref="P402UnavailableException"/>. Payment and receipt outcomes are values.
/// </summary>
public interface IP402Client
{
    /// <summary><c>POST /verify</c>: checks a payment against the merchant's requirements without moving money.</summary>
    Task<VerifyResponse> VerifyAsync(VerifyRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /settle</c>: executes the payment on-chain; set <see cref="SettleRequest.Receipt"/> to get a receipt.</summary>
    Task<SettleResponse> SettleAsync(SettleRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /supported</c> (no key needed).</summary>
    Task<SupportedResponse> GetSupportedAsync(CancellationToken cancellationToken = default);

    /// <summary><c>POST /api/v1/receipts</c>: a receipt for a confirmed settlement (the same one again if it exists).</summary>
    Task<Receipt> IssueReceiptAsync(IssueReceiptRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/receipts/{id}</c>.</summary>
    Task<Receipt> GetReceiptAsync(string id, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/receipts?…</c>.</summary>
    Task<P402Page<Receipt>> ListReceiptsAsync(ReceiptQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /api/v1/receipts/{id}/verify?resource=…</c>: is the receipt good for this resource URL now?
    /// A valid answer counts one reuse.
    /// </summary>
    Task<ReceiptVerification> VerifyReceiptAsync(string id, Uri resourceUrl, CancellationToken cancellationToken = default);

    /// <summary><c>POST /api/v1/receipts/{id}/revoke</c> (idempotent): effective on the next verify.</summary>
    Task<Receipt> RevokeReceiptAsync(string id, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/settlements?…</c>.</summary>
    Task<P402Page<Settlement>> ListSettlementsAsync(SettlementQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/settlements/{id}</c>.</summary>
    Task<Settlement> GetSettlementAsync(string id, CancellationToken cancellationToken = default);
}
