namespace P402.Dashboard.Demo;

/// <summary>
/// This app's own URL, from the addresses the server listens on: plain http first (no certificate to
/// trust when calling itself), a wildcard host (<c>+</c>, <c>*</c>, <c>0.0.0.0</c>, <c>[::]</c>) becomes loopback.
/// </summary>
internal static class DemoBaseUrl
{
    public static Uri? FromServerAddresses(IEnumerable<string> addresses)
    {
        var candidates = addresses
            .Select(Parse)
            .OfType<Uri>()
            .OrderBy(url => url.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .ToList();
        return candidates.Count > 0 ? candidates[0] : null;
    }

    public static Uri WithTrailingSlash(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    private static Uri? Parse(string address)
    {
        // Kestrel reports wildcards as http://+:80, http://*:80, http://0.0.0.0:80 or http://[::]:80.
        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return null;
        }
        var rest = address[(scheme + 3)..];
        var hostEnd = rest.StartsWith('[') ? rest.IndexOf(']', StringComparison.Ordinal) + 1 : rest.IndexOfAny([':', '/']);
        var host = hostEnd <= 0 ? rest : rest[..hostEnd];
        if (host is "+" or "*" or "0.0.0.0" or "[::]")
        {
            address = string.Concat(address.AsSpan(0, scheme + 3), "127.0.0.1", rest.AsSpan(host.Length));
        }
        return Uri.TryCreate(address, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? WithTrailingSlash(url)
            : null;
    }
}
