using Microsoft.AspNetCore.Authorization;
using P402.Core.Merchants;

namespace P402.Dashboard.Authorization;

/// <summary>
/// What each role may do in the dashboard. Pages check these with <see cref="IAuthorizationService"/>
/// before calling a Core service, so hiding a button is never the only guard.
/// </summary>
public static class P402Policies
{
    /// <summary>Any signed-in user of a merchant: read everything of that merchant.</summary>
    public const string Member = "p402:member";

    public const string CanManageKeys = "p402:manage-keys";

    public const string CanRevokeReceipts = "p402:revoke-receipts";

    public const string CanEditSettings = "p402:edit-settings";

    public static AuthorizationOptions AddP402Policies(this AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Member, p => p.RequireAuthenticatedUser().RequireClaim(P402Claims.Merchant));
        options.AddPolicy(CanManageKeys, p => RequireRole(p, MerchantRole.Owner, MerchantRole.Developer));
        options.AddPolicy(CanRevokeReceipts, p => RequireRole(p, MerchantRole.Owner, MerchantRole.Developer));
        options.AddPolicy(CanEditSettings, p => RequireRole(p, MerchantRole.Owner));
        return options;
    }

    private static void RequireRole(AuthorizationPolicyBuilder policy, params MerchantRole[] roles) =>
        policy.RequireAuthenticatedUser()
            .RequireClaim(P402Claims.Merchant)
            .RequireClaim(P402Claims.Role, roles.Select(r => r.ToString()));
}
