namespace P402.Dashboard.Demo;

/// <summary>
/// A merchant trying the Playground: the key the Playground made for it (secret in memory only), the token its payer
/// sends to the playground endpoint, and the address its payments go to.
/// </summary>
internal sealed record PlaygroundMerchant(string MerchantId, string ApiKeyId, string ApiKey, string Token, string PayTo)
{
    // Keep the secrets out of logs and debugger displays.
    public override string ToString() => $"PlaygroundMerchant {{ MerchantId = {MerchantId}, ApiKeyId = {ApiKeyId}, PayTo = {PayTo} }}";
}
