namespace P402.Tests.EndToEnd;

/// <summary>The end-to-end classes share one anvil chain, one P402 app on a real port, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "End to end";
}
