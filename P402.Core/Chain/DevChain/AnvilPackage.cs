using System.Text.Json;

namespace P402.Core.Chain.DevChain;

/// <summary>The npm package <c>@foundry-rs/anvil-linux-amd64</c>, which ships the anvil binary.</summary>
internal static class AnvilPackage
{
    public const string Name = "@foundry-rs/anvil-linux-amd64";

    /// <summary>The binary named by the package's <c>bin.anvil</c> entry under devchain/node_modules.</summary>
    public static string FindBinary(string repositoryRoot)
    {
        var packageDirectory = Path.Combine(repositoryRoot, "devchain", "node_modules", "@foundry-rs", "anvil-linux-amd64");
        var manifest = Path.Combine(packageDirectory, "package.json");
        if (!File.Exists(manifest))
        {
            throw new FileNotFoundException($"{Name} is not installed; run devchain/setup.sh.", manifest);
        }
        var relative = "bin/anvil";
        using (var document = JsonDocument.Parse(File.ReadAllBytes(manifest)))
        {
            if (document.RootElement.TryGetProperty("bin", out var bin) && bin.ValueKind == JsonValueKind.Object
                && bin.TryGetProperty("anvil", out var entry) && entry.GetString() is { Length: > 0 } named)
            {
                relative = named;
            }
        }
        var binary = Path.GetFullPath(Path.Combine(packageDirectory, relative));
        return File.Exists(binary)
            ? binary
            : throw new FileNotFoundException($"{Name} has no anvil binary; run devchain/setup.sh.", binary);
    }
}
