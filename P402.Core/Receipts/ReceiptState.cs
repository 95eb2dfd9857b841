namespace P402.Core.Receipts;

public enum ReceiptState
{
    Active,
    Expired,
    Revoked,
}
