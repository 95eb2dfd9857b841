using Microsoft.Extensions.Logging;

namespace P402.Core.PaymentLogs;

/// <summary>Payment-log messages (event ids 36xx).</summary>
internal static partial class PaymentLogLog
{
    [LoggerMessage(EventId = 3601, Level = LogLevel.Warning, Message = "Writing {Count} payment-log entries failed; retrying once")]
    public static partial void BatchRetried(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Error, Message = "Writing {Count} payment-log entries failed twice; they are lost")]
    public static partial void BatchLost(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 3603, Level = LogLevel.Information, Message = "Pruned {Entries} payment-log entries and {PaymentIds} payment ids older than {Cutoff:O}")]
    public static partial void Pruned(ILogger logger, int entries, int paymentIds, DateTime cutoff);

    [LoggerMessage(EventId = 3604, Level = LogLevel.Warning, Message = "Pruning the payment log failed; the next round tries again")]
    public static partial void PruneFailed(ILogger logger, Exception exception);
}
