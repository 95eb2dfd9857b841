using System.Net.Http.Headers;

namespace P402.Dashboard.Demo;

/// <summary>
/// Points the demo's <c>IP402Client</c> at the current <see cref="DemoCredentials"/> on every request: the
/// client is built with a placeholder base address, rebased here onto this app's URL with the in-memory key.
/// Until the credentials exist the call fails as a connection error, which the middleware answers 503.
/// </summary>
internal sealed class DemoP402Handler(DemoConnection connection, IHttpContextAccessor incoming, PlaygroundMerchants playground) : DelegatingHandler
{
    public static readonly Uri Placeholder = new("http://p402-demo.invalid/");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (connection.Current is not { } credentials)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError,
                connection.Mode == DemoMode.Off ? "The demo is off (Demo:Enabled)." : "The demo merchant is not ready.");
        }
        var pathAndQuery = request.RequestUri!.PathAndQuery;
        request.RequestUri = new Uri(credentials.BaseUrl.AbsoluteUri + pathAndQuery.TrimStart('/'));
        // A Playground payment (its payer sent a merchant's token) is charged with that merchant's Playground key.
        var merchant = incoming.HttpContext is { } http && http.Request.Path.StartsWithSegments(PlaygroundEndpoints.WeatherPath, StringComparison.Ordinal)
            ? playground.Find(http.Request.Headers[PlaygroundMerchants.HeaderName].ToString())
            : null;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", merchant?.ApiKey ?? credentials.ApiKey);
        return base.SendAsync(request, cancellationToken);
    }
}
