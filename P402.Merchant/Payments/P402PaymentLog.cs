using Microsoft.Extensions.Logging;

namespace P402.Merchant;

/// <summary>The paid-endpoint filter's log messages. Never a key, a signature, a receipt id or a whole payload.</summary>
internal static partial class P402PaymentLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "Receipt accepted for {Path} (reuse {ReuseCount})")]
    public static partial void ReceiptAccepted(ILogger logger, string path, long? reuseCount);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Receipt refused for {Path}: {Reason}")]
    public static partial void ReceiptRefused(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "Malformed {Header} header on {Path}")]
    public static partial void MalformedPayment(ILogger logger, string header, string path);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Information, Message = "Payment refused for {Path}: {Reason} (P402 request {RequestId})")]
    public static partial void PaymentRefused(ILogger logger, string path, string reason, string? requestId);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Information, Message = "Handler for {Path} answered {StatusCode}: the payment was not settled")]
    public static partial void NotSettled(ILogger logger, string path, int statusCode);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Information, Message = "Settled {Amount} from {Payer} for {Path}: transaction {Transaction}")]
    public static partial void Settled(ILogger logger, string amount, string? payer, string path, string transaction);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Warning, Message = "Settlement failed for {Path}: {Reason} (P402 request {RequestId})")]
    public static partial void SettleFailed(ILogger logger, string path, string? reason, string? requestId);

    [LoggerMessage(EventId = 4208, Level = LogLevel.Error, Message = "P402 unavailable while {Operation} for {Path}")]
    public static partial void Unavailable(ILogger logger, string operation, string path, Exception exception);

    [LoggerMessage(EventId = 4209, Level = LogLevel.Warning,
        Message = "The handler for {Path} started the response itself: settled, but the payment headers could not be added")]
    public static partial void ResponseStarted(ILogger logger, string path);

    [LoggerMessage(EventId = 4210, Level = LogLevel.Warning, Message = "P402's settle answer for {Path} was lost ({Reason}); asking again with the same payment id")]
    public static partial void SettleRetried(ILogger logger, string path, string reason);
}
