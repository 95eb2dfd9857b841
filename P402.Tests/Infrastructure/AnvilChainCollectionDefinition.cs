namespace P402.Tests.Infrastructure;

/// <summary>Test classes marked <c>[Collection(AnvilChainCollectionDefinition.Name)]</c> share one dev chain and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class AnvilChainCollectionDefinition : ICollectionFixture<AnvilChainFixture>
{
    public const string Name = "Anvil chain";
}
