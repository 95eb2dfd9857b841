namespace P402.Tests.Infrastructure;

/// <summary>A dev chain that mines a block every second (anvil <c>--block-time 1</c>), for one test class.</summary>
public sealed class BlockTimeChainFixture : IAsyncLifetime
{
    public AnvilChainFixture Chain { get; } = new(blockTimeSeconds: 1);

    public Task InitializeAsync() => Chain.InitializeAsync();

    public Task DisposeAsync() => Chain.DisposeAsync();
}
