using Microsoft.Extensions.Logging;

namespace P402.Core.Chain.Signers;

internal static partial class SignerLeaseLog
{
    [LoggerMessage(EventId = 3251, Level = LogLevel.Information, Message = "Took the lease on signer key {Key} (epoch {Epoch}, from an expired holder: {TookOver})")]
    public static partial void Taken(ILogger logger, string key, long epoch, bool tookOver);

    [LoggerMessage(EventId = 3252, Level = LogLevel.Information, Message = "Another instance wants signer key {Key}: yielding the lease (epoch {Epoch}) once the transactions in flight are out")]
    public static partial void Yielding(ILogger logger, string key, long epoch);

    [LoggerMessage(EventId = 3253, Level = LogLevel.Warning, Message = "Lost the lease on signer key {Key} (epoch {Epoch}): another instance took it after it expired")]
    public static partial void Lost(ILogger logger, string key, long epoch);

    [LoggerMessage(EventId = 3254, Level = LogLevel.Warning, Message = "The lease on signer key {Key} could not be taken, renewed or released: {Reason}")]
    public static partial void DatabaseFailed(ILogger logger, string key, string reason);

    [LoggerMessage(EventId = 3255, Level = LogLevel.Information, Message = "Re-broadcast {Count} transactions of signer {Signer} that the node did not know, left by the lease's previous holder")]
    public static partial void TakeoverRebroadcast(ILogger logger, string signer, int count);
}
