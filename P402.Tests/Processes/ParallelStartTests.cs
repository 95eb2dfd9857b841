using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using P402.Core.Chain.DevChain;
using P402.Tests.Chain.DevChain;
using P402.Tests.Infrastructure;

namespace P402.Tests.Processes;

/// <summary>
/// Many processes started at once never race for a port: each listener (Kestrel, anvil) binds port 0
/// and reports the port it got. Eight apps, each with its own dev chain, and eight anvil fixtures,
/// started in parallel from one test, all serve.
/// </summary>
[Collection(ParallelStartCollectionDefinition.Name)]
public sealed partial class ParallelStartTests : IDisposable
{
    private const int Count = 8;
    // Generous: eight apps and their chains start together on a shared two-core machine.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private readonly string _data = Directory.CreateTempSubdirectory("p402-parallel-").FullName;

    [Fact]
    public async Task AppProcesses_EightWithDevChainsStartedAtOnce_AllServeOnTheirOwnPorts()
    {
        var starting = Enumerable.Range(0, Count).Select(i => P402HostProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_data, $"app-{i}.db")}",
            ["Chain:Mode"] = "Dev",
        }, StartTimeout)).ToList();
        var hosts = await StartAllAsync(starting);
        try
        {
            Assert.Equal(Count, hosts.Select(host => host.BaseAddress.Port).Distinct().Count());
            var anvils = hosts.Select(AnvilOf).ToList();
            Assert.Equal(Count, anvils.Select(anvil => anvil.RpcUrl).Distinct().Count());
            await Task.WhenAll(hosts.Select(AssertServesAsync));

            foreach (var (host, anvil) in hosts.Zip(anvils))
            {
                Assert.True(await host.StopAsync(StopTimeout), $"app {host.ProcessId} did not stop on SIGTERM");
                Assert.True(await ProcessState.WaitUntilGoneAsync(anvil.ProcessId, StopTimeout), $"anvil {anvil.ProcessId} outlived app {host.ProcessId}");
            }
        }
        finally
        {
            await Task.WhenAll(hosts.Select(host => host.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task AnvilChainFixtures_EightStartedAtOnce_EachAnswersOnItsOwnPort()
    {
        var fixtures = Enumerable.Range(0, Count).Select(_ => new AnvilChainFixture()).ToList();
        try
        {
            await Task.WhenAll(fixtures.Select(fixture => fixture.InitializeAsync()));

            Assert.Equal(Count, fixtures.Select(fixture => fixture.RpcUrl).Distinct().Count());
            foreach (var fixture in fixtures)
            {
                Assert.Equal(DevChain.BaseChainId, await fixture.Rpc.ChainIdAsync());
                Assert.Equal(DevChain.PayerFunding, await fixture.BalanceOfUsdcAsync(fixture.Chain.Payers[0].Address));
            }
        }
        finally
        {
            await Task.WhenAll(fixtures.Select(fixture => fixture.DisposeAsync()));
        }
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    /// <summary>Waits for every start; if any failed, stops the ones that started and rethrows.</summary>
    private static async Task<List<P402HostProcess>> StartAllAsync(List<Task<P402HostProcess>> starting)
    {
        try
        {
            return [.. await Task.WhenAll(starting)];
        }
        catch
        {
            await Task.WhenAll(starting.Where(task => task.IsCompletedSuccessfully).Select(task => task.Result.DisposeAsync().AsTask()));
            throw;
        }
    }

    private static async Task AssertServesAsync(P402HostProcess host)
    {
        using var client = host.CreateClient();
        using var health = await client.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var status = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString();
        Assert.Equal("Healthy", status);
        using var home = await client.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    /// <summary>The app's dev chain, from its log line "anvil PID answers on URL".</summary>
    private static (int ProcessId, Uri RpcUrl) AnvilOf(P402HostProcess host)
    {
        var match = host.Output.Lines.Select(line => AnvilStarted().Match(line)).FirstOrDefault(match => match.Success)
            ?? throw new InvalidOperationException($"app {host.ProcessId} logged no started anvil:\n{host.Output.Tail()}");
        return (int.Parse(match.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture), new Uri(match.Groups["url"].Value));
    }

    [GeneratedRegex(@"anvil (?<pid>\d+) answers on (?<url>http://127\.0\.0\.1:\d+/)")]
    private static partial Regex AnvilStarted();
}
