using Microsoft.Extensions.Logging;

namespace P402.Core.Data;

internal static partial class DataLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Listening for other instances' events on channel {Channel}")]
    public static partial void Listening(ILogger logger, string channel);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Lost the connection that listens for other instances' events; caches forgotten, reconnecting in {DelayMs} ms: {Reason}")]
    public static partial void ListenerLost(ILogger logger, long delayMs, string reason);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Could not notify other instances of {Count} events (their caches expire within seconds anyway): {Reason}")]
    public static partial void NotifyFailed(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Ignored a malformed notification on channel {Channel}")]
    public static partial void MalformedNotification(ILogger logger, string channel);
}
