using System.Security.Cryptography;
using P402.Core.Common;

namespace P402.Core.PaymentLogs;

/// <summary>What every batch writer shares: the table's columns in the order the writers give their values, and the entries' ids.</summary>
internal static class PaymentLogRows
{
    public const string Table = "\"PaymentLog\"";

    public static readonly string[] Columns =
    [
        "Id", "MerchantId", "ApiKeyId", "RequestId", "Operation", "StatusCode", "Valid", "Reason", "Message", "Payer", "PayTo",
        "Amount", "Network", "Resource", "SettlementId", "TxHash", "CreatedAt",
    ];

    public static readonly string ColumnList = string.Join(", ", Columns.Select(c => $"\"{c}\""));

    /// <summary>The entries' ids, from their own times and one draw of the RNG for the whole batch.</summary>
    public static void AssignIds(IReadOnlyList<PaymentLogEntry> batch)
    {
        var random = RandomNumberGenerator.GetBytes(batch.Count * Ids.RandomBytes);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Id.Length == 0)
            {
                var at = new DateTimeOffset(DateTime.SpecifyKind(batch[i].CreatedAt, DateTimeKind.Utc));
                batch[i].Id = Ids.New(PaymentLogEntry.IdPrefix, at, random.AsSpan(i * Ids.RandomBytes, Ids.RandomBytes));
            }
        }
    }
}
