namespace P402.Core.Receipts;

/// <summary>The issued receipt (<see cref="Created"/> false when the settlement already had one), or why not.</summary>
public sealed record IssueReceiptResult(ReceiptView? Receipt, bool Created, ReceiptCode? Code, string? Message)
{
    public static IssueReceiptResult Fail(ReceiptCode code, string message) => new(null, false, code, message);
}
