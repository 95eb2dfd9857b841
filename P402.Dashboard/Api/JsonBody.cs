using System.Text.Json;

namespace P402.Dashboard.Api;

/// <summary>
/// Reads a JSON request body within a size limit, turning every way it can be wrong (empty, too
/// large, not JSON, wrong types) into a message for a 400 instead of an exception.
/// </summary>
internal static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<(T? Value, string? Error)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is > MaxBytes)
        {
            return (null, $"The body is larger than {MaxBytes / 1024} KB.");
        }
        if (request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "The body must be application/json.");
        }
        try
        {
            using var buffer = new MemoryStream();
            await CopyLimitedAsync(request.Body, buffer, cancellationToken);
            if (buffer.Length == 0)
            {
                return (null, "The body is empty; a JSON object is required.");
            }
            buffer.Position = 0;
            var value = await JsonSerializer.DeserializeAsync<T>(buffer, options, cancellationToken);
            return value is null ? (null, "The body must be a JSON object.") : (value, null);
        }
        catch (JsonException e)
        {
            return (null, $"The body is not valid for this endpoint: {Describe(e)}");
        }
        catch (BodyTooLargeException)
        {
            return (null, $"The body is larger than {MaxBytes / 1024} KB.");
        }
    }

    private static async Task CopyLimitedAsync(Stream body, MemoryStream buffer, CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new BodyTooLargeException();
            }
            buffer.Write(chunk, 0, read);
        }
    }

    private static string Describe(JsonException e) =>
        e.Path is { Length: > 0 } path ? $"{path}: the value has the wrong type or form." : "not JSON.";

    private sealed class BodyTooLargeException : Exception;
}
