using P402.Core.Receipts;

namespace P402.Tests.Receipts;

/// <summary>The normalisation rule of <see cref="ResourceUrl"/>, case by case (see P402.Core/Receipts/README.md).</summary>
public sealed class ResourceUrlTests
{
    [Theory]
    [InlineData("HTTPS://API.Example.COM/weather", "https://api.example.com/weather")]
    [InlineData("Http://api.example.com/weather", "http://api.example.com/weather")]
    [InlineData("https://api.example.com/Weather/Today", "https://api.example.com/Weather/Today")]
    public void TryNormalize_SchemeAndHostCase_LowerCasedPathCaseKept(string input, string expected) => AssertNormalizes(input, expected);

    [Theory]
    [InlineData("https://api.example.com:443/a", "https://api.example.com/a")]
    [InlineData("http://api.example.com:80/a", "http://api.example.com/a")]
    [InlineData("https://api.example.com:0443/a", "https://api.example.com/a")]
    [InlineData("https://api.example.com:/a", "https://api.example.com/a")]
    public void TryNormalize_DefaultPort_Dropped(string input, string expected) => AssertNormalizes(input, expected);

    [Theory]
    [InlineData("https://api.example.com:8443/a", "https://api.example.com:8443/a")]
    [InlineData("https://api.example.com:80/a", "https://api.example.com:80/a")]
    [InlineData("http://api.example.com:443/a", "http://api.example.com:443/a")]
    [InlineData("http://localhost:5000/a", "http://localhost:5000/a")]
    public void TryNormalize_NonDefaultPort_Kept(string input, string expected) => AssertNormalizes(input, expected);

    [Theory]
    [InlineData("https://api.example.com/a/", "https://api.example.com/a")]
    [InlineData("https://api.example.com/a//", "https://api.example.com/a")]
    [InlineData("https://api.example.com/a/b/", "https://api.example.com/a/b")]
    [InlineData("https://api.example.com/a/?x=1", "https://api.example.com/a?x=1")]
    public void TryNormalize_TrailingSlash_Removed(string input, string expected) => AssertNormalizes(input, expected);

    [Theory]
    [InlineData("https://api.example.com")]
    [InlineData("https://api.example.com/")]
    [InlineData("https://api.example.com//")]
    [InlineData("HTTPS://API.EXAMPLE.COM:443/")]
    public void TryNormalize_Root_IsSlash(string input) => AssertNormalizes(input, "https://api.example.com/");

    [Fact]
    public void TryNormalize_RootWithQuery_KeepsSlashAndQuery() =>
        AssertNormalizes("https://api.example.com?x=1", "https://api.example.com/?x=1");

    [Theory]
    [InlineData("https://api.example.com/a?b=1&a=2", "https://api.example.com/a?b=1&a=2")]
    [InlineData("https://api.example.com/a?a=2&b=1", "https://api.example.com/a?a=2&b=1")]
    [InlineData("https://api.example.com/a?x=1+2&y=%2F", "https://api.example.com/a?x=1+2&y=%2F")]
    [InlineData("https://api.example.com/a?X=1", "https://api.example.com/a?X=1")]
    [InlineData("https://api.example.com/a?x=a b", "https://api.example.com/a?x=a%20b")]
    public void TryNormalize_Query_KeptAsIs(string input, string expected) => AssertNormalizes(input, expected);

    [Fact]
    public void TryNormalize_QueryOrder_MakesDifferentResources()
    {
        Assert.True(ResourceUrl.TryNormalize("https://api.example.com/a?a=1&b=2", out var first));
        Assert.True(ResourceUrl.TryNormalize("https://api.example.com/a?b=2&a=1", out var second));
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("https://api.example.com/a?", "https://api.example.com/a")]
    [InlineData("https://api.example.com/a?#top", "https://api.example.com/a")]
    public void TryNormalize_EmptyQuery_Dropped(string input, string expected) => AssertNormalizes(input, expected);

    [Theory]
    [InlineData("https://api.example.com/a#frag", "https://api.example.com/a")]
    [InlineData("https://api.example.com/a?x=1#frag", "https://api.example.com/a?x=1")]
    [InlineData("https://api.example.com/#", "https://api.example.com/")]
    public void TryNormalize_Fragment_Dropped(string input, string expected) => AssertNormalizes(input, expected);

    [Fact]
    public void TryNormalize_UserInfo_Dropped() =>
        AssertNormalizes("https://user:secret@api.example.com/a", "https://api.example.com/a");

    [Theory]
    [InlineData("https://münchen.example/wetter", "https://xn--mnchen-3ya.example/wetter")]
    [InlineData("https://MÜNCHEN.example/wetter", "https://xn--mnchen-3ya.example/wetter")]
    [InlineData("https://xn--mnchen-3ya.example/wetter", "https://xn--mnchen-3ya.example/wetter")]
    public void TryNormalize_InternationalHost_Punycode(string input, string expected) => AssertNormalizes(input, expected);

    [Theory]
    [InlineData("http://[::1]:8080/a", "http://[::1]:8080/a")]
    [InlineData("http://[2001:DB8::1]/a", "http://[2001:db8::1]/a")]
    [InlineData("http://127.0.0.1/a", "http://127.0.0.1/a")]
    public void TryNormalize_IpHost_KeptInUrlForm(string input, string expected) => AssertNormalizes(input, expected);

    [Theory]
    [InlineData("https://api.example.com/café", "https://api.example.com/caf%C3%A9")]
    [InlineData("https://api.example.com/caf%c3%a9", "https://api.example.com/caf%C3%A9")]
    [InlineData("https://api.example.com/%7Euser", "https://api.example.com/~user")]
    [InlineData("https://api.example.com/a%2Fb", "https://api.example.com/a%2Fb")]
    [InlineData("https://api.example.com/a b", "https://api.example.com/a%20b")]
    public void TryNormalize_Escaping_Canonical(string input, string expected) => AssertNormalizes(input, expected);

    [Theory]
    [InlineData("https://api.example.com/a/../b", "https://api.example.com/b")]
    [InlineData("https://api.example.com/a/./b", "https://api.example.com/a/b")]
    [InlineData("https://api.example.com/a/%2e%2e/b", "https://api.example.com/b")]
    public void TryNormalize_DotSegments_Resolved(string input, string expected) => AssertNormalizes(input, expected);

    [Fact]
    public void TryNormalize_SurroundingWhitespace_Trimmed() =>
        AssertNormalizes("  https://api.example.com/a \n", "https://api.example.com/a");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/weather")]
    [InlineData("weather")]
    [InlineData("api.example.com/weather")]
    [InlineData("//api.example.com/weather")]
    [InlineData("ftp://api.example.com/weather")]
    [InlineData("ws://api.example.com/weather")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:pay@example.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("urn:isbn:0451450523")]
    [InlineData("https://")]
    [InlineData("http:///a")]
    [InlineData("https://exa mple.com/a")]
    [InlineData("https://api.example.com:99999/a")]
    [InlineData("http://[fe80::1%25eth0]/a")]
    public void TryNormalize_NotAnAbsoluteHttpUrl_Refused(string? input)
    {
        Assert.False(ResourceUrl.TryNormalize(input, out var normalized));
        Assert.Equal("", normalized);
    }

    [Fact]
    public void TryNormalize_LongerThanMaxLength_Refused()
    {
        var prefix = "https://api.example.com/";
        Assert.True(ResourceUrl.TryNormalize(prefix + new string('a', ResourceUrl.MaxLength - prefix.Length), out _));
        Assert.False(ResourceUrl.TryNormalize(prefix + new string('a', ResourceUrl.MaxLength - prefix.Length + 1), out _));
    }

    [Fact]
    public void TryNormalize_EscapingGrowsPastMaxLength_Refused()
    {
        // 1,000 'é' are 1,000 characters in, 6,000 out (%C3%A9 each): the stored form must fit too.
        Assert.False(ResourceUrl.TryNormalize("https://api.example.com/" + new string('é', 1_000), out _));
    }

    [Theory]
    [InlineData("https://api.example.com/weather")]
    [InlineData("http://[::1]:8080/a?b=1")]
    [InlineData("https://xn--mnchen-3ya.example/caf%C3%A9?q=%22x%22")]
    [InlineData("https://api.example.com/")]
    public void TryNormalize_NormalizedInput_Unchanged(string input) => AssertNormalizes(input, input);

    private static void AssertNormalizes(string input, string expected)
    {
        Assert.True(ResourceUrl.TryNormalize(input, out var normalized), $"refused {input}");
        Assert.Equal(expected, normalized);
        Assert.True(ResourceUrl.TryNormalize(normalized, out var again), $"refused its own output {normalized}");
        Assert.Equal(normalized, again);
    }
}
