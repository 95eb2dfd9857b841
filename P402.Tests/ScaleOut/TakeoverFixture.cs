using P402.Tests.Infrastructure;

namespace P402.Tests.ScaleOut;

/// <summary>The scale-out fixture with instance 0 reaching the chain through a <see cref="JsonRpcFaultProxy"/>, so a test can stall its broadcasts.</summary>
public sealed class TakeoverFixture : ScaleOutFixture
{
    public JsonRpcFaultProxy Proxy { get; private set; } = null!;

    protected override async Task<IReadOnlyDictionary<string, string?>> InstanceConfigurationAsync(int index, IReadOnlyDictionary<string, string?> configuration)
    {
        if (index != 0)
        {
            return configuration;
        }
        Proxy = await JsonRpcFaultProxy.StartAsync(Chain.RpcUrl);
        return new Dictionary<string, string?>(configuration)
        {
            ["Chain:Networks:0:RpcUrl"] = Proxy.Url.ToString(),
            // A stalled broadcast stays stalled until the test kills the instance: it holds the key's lease all along.
            ["Chain:RpcAttemptTimeoutSeconds"] = "600",
            ["Chain:RpcTimeoutSeconds"] = "600",
        };
    }

    /// <summary>Every instance's heartbeat lifetime here (<c>Database:InstanceHeartbeatSeconds</c>): short, so that a release after a SIGKILL is quick to watch.</summary>
    public static readonly TimeSpan HeartbeatLifetime = TimeSpan.FromSeconds(8);

    protected override IReadOnlyDictionary<string, string?> Settings(IReadOnlyDictionary<string, string?> database) =>
        new Dictionary<string, string?>(base.Settings(database)) { ["Database:InstanceHeartbeatSeconds"] = "8" };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
    }
}
