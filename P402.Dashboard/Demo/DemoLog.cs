namespace P402.Dashboard.Demo;

/// <summary>The demo's log messages. Never the API key.</summary>
internal static partial class DemoLog
{
    [LoggerMessage(EventId = 8100, Level = LogLevel.Information, Message = "Demo endpoint ready at {BaseUrl}demo/weather, charging through this app as merchant {MerchantId} (key {ApiKeyId})")]
    public static partial void Ready(ILogger logger, Uri baseUrl, string? merchantId, string? apiKeyId);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Demo merchant: revoked {Count} key(s) of earlier runs")]
    public static partial void RevokedPreviousKeys(ILogger logger, int count);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "Demo endpoint unavailable: the server reports no address; set Demo:P402BaseUrl")]
    public static partial void NoAddress(ILogger logger);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Warning, Message = "Demo endpoint unavailable: preparing the demo merchant failed")]
    public static partial void BootstrapFailed(ILogger logger, Exception exception);
}
