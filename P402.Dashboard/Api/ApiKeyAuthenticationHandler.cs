using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using P402.Core.ApiKeys;

namespace P402.Dashboard.Api;

/// <summary>
/// The API's own scheme: <c>Authorization: Bearer p402_…</c>. It never reads the cookie, and its
/// challenge is a 401 problem, never a redirect to the login page.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string PrincipalItem = "p402.apiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var principal = await keys.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (principal is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }
        Context.Items[PrincipalItem] = principal;
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, principal.KeyId), new Claim("p402:merchant", principal.MerchantId)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = ApiProblems.Problem(Context, StatusCodes.Status401Unauthorized, "Unauthorized.",
            "Send a valid P402 API key: Authorization: Bearer p402_live_… (or p402_test_…).");
        Response.Headers.WWWAuthenticate = "Bearer";
        await result.ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await ApiProblems.Problem(Context, StatusCodes.Status403Forbidden, "Forbidden.", "This API key lacks the scope for this endpoint.")
            .ExecuteAsync(Context);

    /// <summary>The authenticated key of this request (only after the scheme ran).</summary>
    public static ApiKeyPrincipal Caller(HttpContext context) =>
        TryCaller(context) ?? throw new InvalidOperationException("The endpoint is not behind the API key scheme.");

    /// <summary>The authenticated key of this request, or null when no key was accepted (authorization asks before it fails).</summary>
    public static ApiKeyPrincipal? TryCaller(HttpContext context) => context.Items[PrincipalItem] as ApiKeyPrincipal;
}
