namespace P402.Core.Receipts;

/// <summary>Filters of the receipts list; all optional. <paramref name="Id"/> is one receipt's exact id (a link from its settlement).</summary>
public sealed record ReceiptFilter(ReceiptState? State = null, string? Resource = null, string? Payer = null, string? Id = null);
