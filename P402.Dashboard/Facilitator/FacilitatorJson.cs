using System.Text.Json;
using System.Text.Json.Serialization;

namespace P402.Dashboard.Facilitator;

/// <summary>x402's JSON: camelCase, numbers as numbers, absent optional fields left out.</summary>
internal static class FacilitatorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
