using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace P402.Dashboard.Authorization;

/// <summary>
/// The merchant and role of the circuit's user, for components. <see cref="AuthorizeAsync"/> is the
/// server-side check a page makes before it calls a Core service that changes something.
/// </summary>
public sealed class CurrentMerchant(AuthenticationStateProvider authenticationState, IAuthorizationService authorization)
{
    /// <summary>The signed-in merchant user, or null (anonymous, or a principal without P402 claims).</summary>
    public async Task<MerchantUser?> GetAsync()
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        return MerchantUser.From(state.User);
    }

    /// <summary>The signed-in merchant user; throws when there is none (pages are behind [Authorize]).</summary>
    public async Task<MerchantUser> GetRequiredAsync() =>
        await GetAsync() ?? throw new InvalidOperationException("No merchant user is signed in.");

    /// <summary>True when the current user satisfies <paramref name="policy"/> (one of <see cref="P402Policies"/>).</summary>
    public async Task<bool> AuthorizeAsync(string policy)
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        var result = await authorization.AuthorizeAsync(state.User, resource: null, policy);
        return result.Succeeded;
    }
}
