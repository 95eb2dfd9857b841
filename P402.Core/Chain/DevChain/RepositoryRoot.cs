namespace P402.Core.Chain.DevChain;

/// <summary>Finds the repository (the folder holding P402.sln) from where the running app was built.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFile = "P402.sln";

    public static string Find() => TryFind(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException(
            $"No {SolutionFile} above {AppContext.BaseDirectory}; set {DevChainOptions.SectionName} paths explicitly.");

    public static string? TryFind(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }
        return null;
    }
}
