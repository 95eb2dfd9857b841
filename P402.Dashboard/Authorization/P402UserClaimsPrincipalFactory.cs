using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using P402.Core.Merchants;

namespace P402.Dashboard.Authorization;

/// <summary>Puts the user's merchant and role on the cookie principal, so that no page has to look them up.</summary>
internal sealed class P402UserClaimsPrincipalFactory(UserManager<P402User> userManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<P402User>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(P402User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(P402Claims.Merchant, user.MerchantId));
        identity.AddClaim(new Claim(P402Claims.Role, user.Role.ToString()));
        return identity;
    }
}
