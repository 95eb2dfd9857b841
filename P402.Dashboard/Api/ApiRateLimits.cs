using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace P402.Dashboard.Api;

/// <summary>
/// Per-key rate limits, partitioned on the presented credential before any database work so that a
/// flood of junk costs nothing. Limits come from <see cref="ApiOptions"/>.
/// </summary>
internal static class ApiRateLimits
{
    public const string PerKey = "per-key";

    public static void Configure(RateLimiterOptions options, ApiOptions api)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellationToken) =>
            await ApiProblems.Problem(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests.",
                "This API key is over its rate limit; retry shortly.").ExecuteAsync(context.HttpContext);
        options.AddPolicy(PerKey, http => RateLimitPartition.GetTokenBucketLimiter(
            http.Request.Headers.Authorization.ToString(),
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = api.RateLimitBurst,
                TokensPerPeriod = api.RateLimitPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }
}
