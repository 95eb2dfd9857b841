using Microsoft.Extensions.Logging;

namespace P402.Core.Payments.Watcher;

/// <summary>The settlement watchers' log messages (event ids 3100–3199).</summary>
internal static partial class WatcherLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Settlement watcher for {Network} started")]
    public static partial void Started(ILogger logger, string network);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Settlement watcher for {Network}: the pass failed and is retried: {Reason}")]
    public static partial void PassFailed(ILogger logger, string network, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Settlement {SettlementId}: the node forgot {TxHash}; re-broadcast the same signed transaction")]
    public static partial void Rebroadcast(ILogger logger, string settlementId, string txHash);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Settlement {SettlementId} cannot be mined: {Reason}")]
    public static partial void NeverMined(ILogger logger, string settlementId, string reason);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Finishing {Count} settlements left unfinished before the start")]
    public static partial void FirstPass(ILogger logger, int count);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Error, Message = "Settlement watcher for {Network}: unexpected failure; the pass is retried")]
    public static partial void Unexpected(ILogger logger, string network, Exception exception);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning,
        Message = "Settlement {SettlementId}: its block {BlockNumber} ({BlockHash}) is no longer the chain's (reorg); it is Submitted again and finished anew. Already answered success: {Delivered}")]
    public static partial void Reorged(ILogger logger, string settlementId, long blockNumber, string blockHash, bool delivered);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Warning, Message = "Settlement watcher for {Network}: the chain reorganised below block {Head}")]
    public static partial void ChainReorged(ILogger logger, string network, long head);
}
