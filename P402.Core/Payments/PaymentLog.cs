using Microsoft.Extensions.Logging;

namespace P402.Core.Payments;

/// <summary>Settlement log messages. Never a key, a signature or a whole payload.</summary>
internal static partial class PaymentLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Settlement {SettlementId} reserved for request {RequestId}")]
    public static partial void Reserved(ILogger logger, string settlementId, string requestId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Settlement {SettlementId} broadcast as {TxHash} with nonce {Nonce}")]
    public static partial void Broadcast(ILogger logger, string settlementId, string txHash, long nonce);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Settlement {SettlementId}: the node refused the transaction: {Reason}")]
    public static partial void BroadcastRefused(ILogger logger, string settlementId, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Settlement {SettlementId} confirmed in block {BlockNumber}")]
    public static partial void Confirmed(ILogger logger, string settlementId, long blockNumber);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Settlement {SettlementId} not yet mined ({TxHash}); answering pending")]
    public static partial void StillPending(ILogger logger, string settlementId, string txHash);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Settlement {SettlementId} delivered: its success answered to request {RequestId}")]
    public static partial void Delivered(ILogger logger, string settlementId, string requestId);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "Settlement {SettlementId} already delivered to request {DeliveredRequestId}; request {RequestId} answered REPLAY_DETECTED")]
    public static partial void AlreadyDelivered(ILogger logger, string settlementId, string requestId, string deliveredRequestId);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Settlement {SettlementId} refused before sending: {Code}")]
    public static partial void Refused(ILogger logger, string settlementId, string code);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Settlement {SettlementId} not sent: its reservation was released by another instance (or taken by a retry)")]
    public static partial void Released(ILogger logger, string settlementId);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Settlement {SettlementId} released: the instance that reserved it ({ReservedBy}) stopped before it sent a transaction")]
    public static partial void ReleasedDead(ILogger logger, string settlementId, string reservedBy);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Heartbeat or release of dead instances' reservations failed; trying again")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception);
}
