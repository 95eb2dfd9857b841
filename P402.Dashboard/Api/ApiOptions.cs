using System.ComponentModel.DataAnnotations;

namespace P402.Dashboard.Api;

/// <summary>Section <c>Api</c>: limits of the REST and facilitator API.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Sustained requests per second per API key.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPerSecond { get; set; } = 20_000;

    /// <summary>Requests a key may send at once above the sustained rate.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitBurst { get; set; } = 40_000;
}
