using System.Globalization;
using System.Net;
using System.Text.Json;

namespace P402.Merchant;

/// <summary>
/// P402 answered with a non-success status (a problem+json body: 400 malformed, 401 key, 403 scope, 404,
/// 5xx), or with a success body the client could not read. Payment outcomes (<c>isValid:false</c>,
/// <c>success:false</c>, <c>valid:false</c>) are values, never this exception. The message carries the
/// status, title, detail and request id; never the API key or the request.
/// </summary>
public sealed class P402ApiException : Exception
{
    public P402ApiException()
    {
    }

    public P402ApiException(string message) : base(message)
    {
    }

    public P402ApiException(string message, Exception innerException) : base(message, innerException)
    {
    }

    internal P402ApiException(HttpStatusCode statusCode, P402Problem? problem, string? requestId, Exception? inner = null)
        : base(Describe(statusCode, problem, requestId), inner)
    {
        StatusCode = statusCode;
        ProblemType = problem?.Type;
        Title = problem?.Title;
        Detail = problem?.Detail;
        RequestId = problem?.RequestId ?? requestId;
        Errors = ReadErrors(problem?.Errors);
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The problem's <c>type</c> URI, when P402 sent one.</summary>
    public string? ProblemType { get; }

    public string? Title { get; }

    public string? Detail { get; }

    /// <summary>P402's <c>req_…</c> id: quote it when asking about this failure.</summary>
    public string? RequestId { get; }

    /// <summary>Validation errors by field, for a 400.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>();

    private static string Describe(HttpStatusCode status, P402Problem? problem, string? requestId)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"P402 answered {(int)status} {problem?.Title ?? status.ToString()}");
        if (!string.IsNullOrEmpty(problem?.Detail))
        {
            text += ": " + problem.Detail;
        }
        var id = problem?.RequestId ?? requestId;
        return id is null ? text + "." : text + " (request " + id + ").";
    }

    private static Dictionary<string, string[]> ReadErrors(JsonElement? errors)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (errors is not { ValueKind: JsonValueKind.Object } obj)
        {
            return result;
        }
        foreach (var field in obj.EnumerateObject())
        {
            result[field.Name] = field.Value.ValueKind switch
            {
                JsonValueKind.Array => [.. field.Value.EnumerateArray().Select(e => e.ToString())],
                _ => [field.Value.ToString()],
            };
        }
        return result;
    }
}
