namespace P402.Dashboard.Demo;

/// <summary>Where and as whom the demo calls P402. The key lives only in this process's memory.</summary>
internal sealed record DemoCredentials(Uri BaseUrl, string ApiKey, string? MerchantId, string? ApiKeyId)
{
    // Keep the secret out of logs and debugger displays.
    public override string ToString() => $"DemoCredentials {{ BaseUrl = {BaseUrl}, MerchantId = {MerchantId}, ApiKeyId = {ApiKeyId} }}";
}
