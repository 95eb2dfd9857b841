using Microsoft.Extensions.Logging;
using P402.Core.Chain.DevChain;
using P402.Tests.Merchant;
using DevChainNode = P402.Core.Chain.DevChain.DevChain;

namespace P402.Tests.Chain.DevChain;

/// <summary>
/// anvil runs without <c>--silent</c> so that it prints the port it bound; its banner lists the dev
/// keys, and none of that reaches the log.
/// </summary>
public sealed class AnvilOutputTests
{
    [Fact]
    public async Task StartAsync_RealAnvil_LogsItsPortButNoBannerOrKey()
    {
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));

        await using (var chain = await DevChainNode.StartAsync(new DevChainOptions(), loggers.CreateLogger<DevChainNode>()))
        {
            Assert.Equal(DevChainNode.BaseChainId, await chain.Rpc.ChainIdAsync());
            Assert.Contains(logs.Lines, line => line.Contains($"answers on {chain.RpcUrl}", StringComparison.Ordinal));
        }

        var keys = DevAccounts.Payers.Append(DevAccounts.Facilitator).Append(DevAccounts.Minter).Select(account => account.PrivateKey[2..]);
        Assert.DoesNotContain(logs.Lines, line => keys.Any(key => line.Contains(key, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("Private Keys", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Listening on 127.0.0.1:38021", 38021)]
    [InlineData("Listening on 127.0.0.1:1", 1)]
    public void TryParseListening_AnvilsLine_ReturnsPort(string line, int port)
    {
        Assert.True(AnvilOutput.TryParseListening(line, out var parsed));
        Assert.Equal(port, parsed);
    }

    [Theory]
    [InlineData("Listening on 127.0.0.1:0")]
    [InlineData("Listening on 127.0.0.1:70000")]
    [InlineData("Listening on 127.0.0.1:")]
    [InlineData("(0) 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 (10000.000000000000000000 ETH)")]
    [InlineData("eth_chainId")]
    public void TryParseListening_OtherLine_ReturnsFalse(string line) =>
        Assert.False(AnvilOutput.TryParseListening(line, out _));
}
