using Microsoft.Extensions.Logging;

namespace P402.Core.Payments.Sending;

/// <summary>Log messages of stuck and dropped transactions (event ids 3200–3299). Never a key or a raw transaction.</summary>
internal static partial class SendingLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning, Message = "Settlement {SettlementId}: {TxHash} (nonce {Nonce}) is priced below the base fee; replaced by {Replacement} at max fee {MaxFeeGwei} gwei, tip {TipGwei} gwei")]
    public static partial void Replaced(ILogger logger, string settlementId, string txHash, long nonce, string replacement, string maxFeeGwei, string tipGwei);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Settlement {SettlementId}: {TxHash} stays as it is: {Reason}")]
    public static partial void ReplacementHeld(ILogger logger, string settlementId, string txHash, string reason);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Settlement {SettlementId}: the node refused replacement {TxHash}: {Reason}")]
    public static partial void ReplacementRefused(ILogger logger, string settlementId, string txHash, string reason);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Settlement {SettlementId}: signer {Signer} of {TxHash} is no longer configured; the transaction cannot be replaced")]
    public static partial void SignerGone(ILogger logger, string settlementId, string signer, string txHash);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "Signer {Signer}: nonce {Nonce} was handed out and never used; filled with a 0-value self-transfer {TxHash} so the key's later transactions can be mined")]
    public static partial void GapFilled(ILogger logger, string signer, long nonce, string txHash);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Information, Message = "Signer {Signer}: nonce {Nonce} not filled: {Reason}")]
    public static partial void GapFillRefused(ILogger logger, string signer, long nonce, string reason);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Warning, Message = "Settlement {SettlementId}: the node refused {TxHash} as underpriced ({Reason}); signed again at a fresh fee quote")]
    public static partial void Repriced(ILogger logger, string settlementId, string txHash, string reason);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Warning, Message = "Settlement {SettlementId}: the node called {TxHash} (nonce {Nonce}) nonce too low and does not have it; signed again with a resynced nonce ({Resigns} of at most 4)")]
    public static partial void NonceTooLowResigned(ILogger logger, string settlementId, string txHash, long nonce, int resigns);

    [LoggerMessage(EventId = 3208, Level = LogLevel.Warning, Message = "Settlement {SettlementId}: the signer key's lease (epoch {Epoch}) is no longer provably valid; entering it again before storing or broadcasting")]
    public static partial void LeaseLapsed(ILogger logger, string settlementId, long epoch);

    [LoggerMessage(EventId = 3209, Level = LogLevel.Warning, Message = "Settlement {SettlementId}: {TxHash} is stored but the signer key's lease could not be entered again to broadcast it; the watcher re-broadcasts it")]
    public static partial void BroadcastLeftToWatcher(ILogger logger, string settlementId, string txHash);
}
