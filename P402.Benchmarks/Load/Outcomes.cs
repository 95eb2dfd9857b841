using System.Net;
using System.Text.Json;

namespace P402.Benchmarks.Load;

/// <summary>Names an answer: <c>ok</c>, the P402 <c>reason</c> of a 200 that is not valid, or <c>HTTP 4xx …</c>.</summary>
internal static class Outcomes
{
    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"HTTP {(int)response.StatusCode}{Describe(body, "reason", "title")}";
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.TryGetProperty("valid"u8, out var valid) && valid.ValueKind == JsonValueKind.True)
            {
                return PhaseResult.Ok;
            }
            return root.TryGetProperty("reason"u8, out var reason) && reason.ValueKind == JsonValueKind.String
                ? reason.GetString()!
                : "200 without valid/reason";
        }
        catch (JsonException)
        {
            return "200 not JSON";
        }
    }

    private static string Describe(byte[] body, params string[] properties)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            foreach (var property in properties)
            {
                if (document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return $" {value.GetString()}";
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the status says enough.
        }
        return "";
    }
}
