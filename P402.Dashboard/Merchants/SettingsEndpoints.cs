using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using P402.Core.Merchants;
using P402.Dashboard.Api;

namespace P402.Dashboard.Merchants;

/// <summary>
/// The caller's merchant settings: default and maximum receipt TTL, gas price limit and gas per settlement.
/// Reading needs the Read scope, changing them the Settings scope.
/// </summary>
internal static class SettingsEndpoints
{
    public static RouteGroupBuilder MapSettings(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/settings").WithTags("Settings");
        group.MapGet("/", Get).RequireAuthorization(ApiPolicies.Read).WithName("GetSettings").WithSummary("Reads the merchant's settings.");
        group.MapPut("/", Put).RequireAuthorization(ApiPolicies.Settings).WithName("UpdateSettings")
            .WithSummary("Changes the merchant's settings (fields left out keep their value); in force from the next request.");
        return api;
    }

    public static async Task<Ok<SettingsResponse>> Get(HttpContext http, MerchantService merchants, CancellationToken cancellationToken) =>
        TypedResults.Ok(SettingsResponse.From(await merchants.GetSettingsAsync(Merchant(http), cancellationToken), http.GetRequestId()));

    public static async Task<Results<Ok<SettingsResponse>, ProblemHttpResult>> Put(HttpContext http, MerchantService merchants, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<JsonObject>(http.Request, ApiJson.Options, cancellationToken);
        if (error is not null)
        {
            return ApiProblems.BadRequest(http, error);
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var settings = SettingsRequest.Apply(body!, await merchants.GetSettingsAsync(Merchant(http), cancellationToken), errors);
        foreach (var (property, message) in SettingsValidation.Validate(settings))
        {
            errors.TryAdd(SettingsRequest.FieldName(property), [message]);
        }
        if (errors.Count == 0)
        {
            foreach (var (property, message) in await merchants.UpdateSettingsAsync(Merchant(http), settings, cancellationToken))
            {
                errors[SettingsRequest.FieldName(property)] = [message];
            }
        }
        return errors.Count == 0
            ? TypedResults.Ok(SettingsResponse.From(settings, http.GetRequestId()))
            : ApiProblems.BadRequest(http, "The settings are not valid; see errors.", new Dictionary<string, object?> { ["errors"] = errors });
    }

    private static string Merchant(HttpContext http) => ApiKeyAuthenticationHandler.Caller(http).MerchantId;
}
