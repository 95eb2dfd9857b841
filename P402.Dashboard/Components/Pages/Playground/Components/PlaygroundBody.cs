using System.Text.Json;

namespace P402.Dashboard.Components.Pages.Playground.Components;

/// <summary>A response body as people read it: indented when it is JSON, as it came otherwise.</summary>
internal static class PlaygroundBody
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string? Pretty(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.Trim() == "{}")
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
