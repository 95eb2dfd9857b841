using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using P402.Core.Merchants;
using P402.Dashboard.Authorization;

namespace P402.Tests.Dashboard;

/// <summary>An authentication state with the same claims the dashboard's principal factory issues.</summary>
public sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
{
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    public void SignIn(string merchantId, MerchantRole role, string userId = "user-1", string email = "owner@example.com")
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId),
                new Claim(ClaimTypes.Name, email),
                new Claim(P402Claims.Merchant, merchantId),
                new Claim(P402Claims.Role, role.ToString()),
            ],
            authenticationType: "Test");
        _user = new ClaimsPrincipal(identity);
        NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));
}
