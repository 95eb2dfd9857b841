using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace P402.Core.Chain.Rpc;

/// <summary>The HTTP exchange and the classification of its failures.</summary>
public sealed partial class JsonRpcClient
{
    private async Task<JsonDocument> PostAsync(string method, ReadOnlyMemory<byte> body, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout ?? Timeout);
        try
        {
            using var content = new ReadOnlyMemoryContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = content };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token);
            var status = response.StatusCode;
            if ((int)status >= 500 || status == HttpStatusCode.TooManyRequests)
            {
                throw new RpcUnavailableException(method, $"The node answered HTTP {(int)status}.", statusCode: status);
            }
            await using var stream = await response.Content.ReadAsStreamAsync(timeoutSource.Token);
            if (response.IsSuccessStatusCode)
            {
                return await JsonDocument.ParseAsync(stream, default, timeoutSource.Token);
            }
            // Some nodes answer a JSON-RPC error with a 4xx status; anything else is the endpoint failing.
            var document = await TryParseAsync(stream, timeoutSource.Token);
            if (document is not null && HasError(document.RootElement))
            {
                return document;
            }
            document?.Dispose();
            throw new RpcUnavailableException(method, $"The node answered HTTP {(int)status}.", statusCode: status);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcUnavailableException(method, $"No answer within {(timeout ?? Timeout).TotalSeconds:0.###} s.", exception, isTimeout: true);
        }
        catch (HttpRequestException exception)
        {
            throw new RpcUnavailableException(method, "The node cannot be reached.", exception, exception.StatusCode);
        }
        catch (JsonException exception)
        {
            throw new RpcUnavailableException(method, "The node's answer is not JSON.", exception);
        }
    }

    private static async Task<JsonDocument?> TryParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(stream, default, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool HasError(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error"u8, out var error) && error.ValueKind == JsonValueKind.Object;

    private static bool TryGetError(string method, JsonElement response, [NotNullWhen(true)] out JsonRpcException? error)
    {
        error = null;
        if (!response.TryGetProperty("error"u8, out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        error = JsonRpcException.FromError(method, element);
        return true;
    }
}
