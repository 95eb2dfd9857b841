using System.Globalization;

namespace P402.Core.Receipts;

/// <summary>
/// The one rule that decides whether two resource URLs are the same endpoint, so that a receipt works
/// for its own endpoint and no other (see <c>README.md</c> beside this file):
/// <list type="bullet">
/// <item>only absolute <c>http</c>/<c>https</c> URLs with a host qualify (relative URLs, other schemes,
/// IPv6 zone ids and anything longer than <see cref="MaxLength"/> are refused);</item>
/// <item>scheme and host in lower case, an internationalised host in its ASCII (punycode) form, an IPv6
/// host in brackets;</item>
/// <item>the scheme's default port (80 for http, 443 for https) dropped, any other port kept;</item>
/// <item>user info and the fragment dropped;</item>
/// <item>the path's case kept, dot segments resolved, trailing slashes removed except for the root
/// <c>/</c> (an empty path becomes <c>/</c>);</item>
/// <item>the query string kept as it is, parameter order included; a bare <c>?</c> with nothing after it
/// is dropped.</item>
/// </list>
/// Escaping follows <see cref="Uri"/>'s canonical form (RFC 3986 §6.2.2): percent-escapes in upper case,
/// escapes of unreserved characters (<c>%7E</c> → <c>~</c>) decoded, characters a URL cannot hold
/// (space, <c>"</c>, <c>{</c>, non-ASCII) escaped as UTF-8.
/// </summary>
public static class ResourceUrl
{
    public const int MaxLength = 2048;

    public static bool TryNormalize(string? text, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength
            || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return false;
        }
        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost}]" : uri.IdnHost;
        if (host.Contains('%', StringComparison.Ordinal))
        {
            return false; // an IPv6 zone id names a local interface, not an endpoint
        }
        var path = uri.AbsolutePath.TrimEnd('/');
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        var query = uri.Query == "?" ? "" : uri.Query;
        var result = $"{uri.Scheme}://{host.ToLowerInvariant()}{port}{(path.Length == 0 ? "/" : path)}{query}";
        if (result.Length > MaxLength)
        {
            return false;
        }
        normalized = result;
        return true;
    }
}
