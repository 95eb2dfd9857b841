using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace P402.Merchant;

/// <summary>
/// The absolute URL of the request as the app sees it (scheme, host, path base, path, query). Behind a proxy
/// this reflects X-Forwarded-Proto/Host only when the app runs <c>UseForwardedHeaders</c>: never parsed here.
/// </summary>
internal static class RequestUrl
{
    public static bool TryGet(HttpRequest request, [NotNullWhen(true)] out Uri? url)
    {
        url = null;
        return request.Host.HasValue
            && Uri.TryCreate(request.GetEncodedUrl(), UriKind.Absolute, out url)
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
    }
}
