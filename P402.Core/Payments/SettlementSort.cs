namespace P402.Core.Payments;

public enum SettlementSort
{
    CreatedAt,
    Value,
    Status,
    Payer,
}
