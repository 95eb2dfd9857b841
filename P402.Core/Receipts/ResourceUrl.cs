namespace P402.Core.Receipts;

/// <summary>
/// The one rule that decides whether two resource URLs are the same endpoint: scheme and host in
/// lower case, default ports (80, 443) dropped, fragment dropped, a trailing slash removed (except
/// the root "/"), path case and the query string kept exactly. Only absolute http(s) URLs qualify.
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
        var path = uri.AbsolutePath;
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path.TrimEnd('/');
            path = path.Length == 0 ? "/" : path;
        }
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        normalized = $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}{port}{path}{uri.Query}";
        return true;
    }
}
