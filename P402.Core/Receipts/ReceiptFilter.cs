namespace P402.Core.Receipts;

/// <summary>Filters of the receipts list; all optional.</summary>
public sealed record ReceiptFilter(ReceiptState? State = null, string? Resource = null, string? Payer = null);
