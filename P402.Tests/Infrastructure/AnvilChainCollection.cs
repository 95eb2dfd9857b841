namespace P402.Tests.Infrastructure;

/// <summary>Test classes marked <c>[Collection(AnvilChainCollection.Name)]</c> share one dev chain and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class AnvilChainCollection : ICollectionFixture<AnvilChainFixture>
{
    public const string Name = "Anvil chain";
}
