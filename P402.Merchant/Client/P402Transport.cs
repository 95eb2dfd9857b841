using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace P402.Merchant;

/// <summary>
/// Sends one request and maps the answer: success → the typed body; problem+json → <see cref="P402ApiException"/>;
/// no connection or timeout → <see cref="P402UnavailableException"/>. Nothing from the request (headers, key,
/// body) goes into an exception.
/// </summary>
internal sealed class P402Transport(HttpClient http)
{
    public const string RequestIdHeader = "Request-Id";

    public async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var requestId = response.Headers.TryGetValues(RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
            if (!response.IsSuccessStatusCode)
            {
                throw new P402ApiException(response.StatusCode, await ReadProblemAsync(response, cancellationToken), requestId);
            }
            try
            {
                return await response.Content.ReadFromJsonAsync(type, cancellationToken)
                    ?? throw new JsonException("The body is null.");
            }
            catch (JsonException e)
            {
                var problem = new P402Problem { Title = "Unreadable response", Detail = "P402's answer did not match the expected contract." };
                throw new P402ApiException(response.StatusCode, problem, requestId, e);
            }
        }
        catch (HttpRequestException e)
        {
            throw new P402UnavailableException(Describe(e), e);
        }
        catch (IOException e)
        {
            throw new P402UnavailableException("The connection to P402 failed while reading its answer.", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new P402UnavailableException("P402 did not answer in time.", e);
        }
    }

    private static string Describe(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "P402's host name could not be resolved.",
        HttpRequestError.ConnectionError => "P402 could not be reached (connection failed).",
        HttpRequestError.SecureConnectionError => "The TLS connection to P402 failed.",
        _ => "The request to P402 failed: " + e.HttpRequestError + ".",
    };

    private static async Task<P402Problem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, P402JsonContext.Default.P402Problem);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
