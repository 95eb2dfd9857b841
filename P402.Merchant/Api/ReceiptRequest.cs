namespace P402.Merchant;

/// <summary>Asks <c>/settle</c> for a receipt; a null TTL takes the merchant's default.</summary>
public sealed record ReceiptRequest(int? TtlSeconds = null);
