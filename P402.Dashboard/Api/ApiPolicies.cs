using P402.Core.ApiKeys;

namespace P402.Dashboard.Api;

/// <summary>Authorization policies of the API: one per key scope.</summary>
internal static class ApiPolicies
{
    public const string Facilitator = "api:facilitator";
    public const string Receipts = "api:receipts";
    public const string Read = "api:read";
    public const string Settings = "api:settings";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder)
    {
        AddScope(builder, Facilitator, ApiKeyScopes.Facilitator);
        AddScope(builder, Receipts, ApiKeyScopes.Receipts);
        AddScope(builder, Read, ApiKeyScopes.Read);
        AddScope(builder, Settings, ApiKeyScopes.Settings);
    }

    private static void AddScope(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder, string name, ApiKeyScopes scope) =>
        builder.AddPolicy(name, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.Resource is HttpContext http && ApiKeyAuthenticationHandler.TryCaller(http) is { } caller && caller.Has(scope)));
}
