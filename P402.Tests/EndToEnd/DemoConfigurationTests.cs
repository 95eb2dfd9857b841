using P402.Core.Chain;
using P402.Dashboard.Demo;

namespace P402.Tests.EndToEnd;

/// <summary>When the demo is on, and which of the server's addresses it calls itself on.</summary>
public sealed class DemoConfigurationTests
{
    [Theory]
    [InlineData(null, null, ChainMode.Dev, true, "Bootstrap")]
    [InlineData(null, null, ChainMode.Dev, false, "Off")]
    [InlineData(null, null, ChainMode.Rpc, true, "Off")]
    [InlineData(true, null, ChainMode.Rpc, false, "Bootstrap")]
    [InlineData(false, null, ChainMode.Dev, true, "Off")]
    [InlineData(null, "p402_live_key", ChainMode.Rpc, false, "ConfiguredKey")]
    [InlineData(true, "p402_live_key", ChainMode.Dev, true, "ConfiguredKey")]
    [InlineData(false, "p402_live_key", ChainMode.Rpc, false, "Off")]
    public void ModeOf_Settings_PicksTheMode(bool? enabled, string? apiKey, ChainMode chain, bool development, string expected) =>
        Assert.Equal(Enum.Parse<DemoMode>(expected), DemoComposition.ModeOf(new DemoOptions { Enabled = enabled, ApiKey = apiKey }, chain, development));

    [Theory]
    [InlineData("http://127.0.0.1:5402", "http://127.0.0.1:5402/")]
    [InlineData("https://localhost:7105;http://localhost:5162", "http://localhost:5162/")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://*:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://[::]:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://0.0.0.0:80", "http://127.0.0.1/")]
    [InlineData("https://[::1]:7000", "https://[::1]:7000/")]
    [InlineData("http://127.0.0.1:5402/p402", "http://127.0.0.1:5402/p402/")]
    public void FromServerAddresses_Addresses_PrefersHttpAndTurnsWildcardsIntoLoopback(string addresses, string expected) =>
        Assert.Equal(new Uri(expected), DemoBaseUrl.FromServerAddresses(addresses.Split(';')));

    [Theory]
    [InlineData("")]
    [InlineData("unix:/tmp/p402.sock")]
    [InlineData("ftp://127.0.0.1:21")]
    public void FromServerAddresses_NothingCallable_IsNull(string addresses) =>
        Assert.Null(DemoBaseUrl.FromServerAddresses(addresses.Split(';', StringSplitOptions.RemoveEmptyEntries)));
}
