namespace P402.Core.ApiKeys;

/// <summary>Who is calling the API: the key and the merchant it belongs to.</summary>
public sealed record ApiKeyPrincipal(string KeyId, string MerchantId, ApiKeyScopes Scopes, ApiKeyMode Mode)
{
    public bool Has(ApiKeyScopes scope) => (Scopes & scope) == scope;
}
