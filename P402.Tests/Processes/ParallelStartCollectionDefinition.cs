namespace P402.Tests.Processes;

/// <summary>
/// Runs its classes alone, after the parallel tests: eight apps starting at once load the shared machine
/// enough to slow other tests' waits; they still race each other for ports, which is what is tested.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ParallelStartCollectionDefinition
{
    public const string Name = "Parallel process start";
}
