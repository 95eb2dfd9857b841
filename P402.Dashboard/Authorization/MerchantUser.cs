using System.Security.Claims;
using P402.Core.Merchants;

namespace P402.Dashboard.Authorization;

/// <summary>Who is using the dashboard: their merchant, their user id and their role in that merchant.</summary>
public sealed record MerchantUser(string MerchantId, string UserId, MerchantRole Role)
{
    /// <summary>What the Core services record as the actor, e.g. in <c>RevokedBy</c>.</summary>
    public string Actor => $"user:{UserId}";

    public bool CanManageKeys => Role is MerchantRole.Owner or MerchantRole.Developer;

    public bool CanRevokeReceipts => Role is MerchantRole.Owner or MerchantRole.Developer;

    public bool CanEditSettings => Role is MerchantRole.Owner;

    /// <summary>The merchant user behind a principal, or null when it is anonymous or carries no P402 claims.</summary>
    public static MerchantUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var merchantId = principal.FindFirstValue(P402Claims.Merchant);
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var roleText = principal.FindFirstValue(P402Claims.Role);
        if (string.IsNullOrEmpty(merchantId) || string.IsNullOrEmpty(userId)
            || !Enum.TryParse<MerchantRole>(roleText, ignoreCase: false, out var role))
        {
            return null;
        }
        return new MerchantUser(merchantId, userId, role);
    }
}
