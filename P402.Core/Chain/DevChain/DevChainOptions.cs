namespace P402.Core.Chain.DevChain;

/// <summary>
/// Configuration section <c>Chain:Dev</c>: where the local dev chain's pieces are. Every path may be
/// left out; it then resolves inside the repository (the folder holding P402.sln, found by walking up
/// from <see cref="AppContext.BaseDirectory"/>), where <c>devchain/setup.sh</c> puts them.
/// </summary>
public sealed class DevChainOptions
{
    public const string SectionName = "Chain:Dev";

    /// <summary>The anvil binary. Default: the one in devchain/node_modules/@foundry-rs/anvil-linux-amd64.</summary>
    public string? AnvilPath { get; set; }

    /// <summary>The compiled DevUsdc (<c>{abi, runtimeBytecode}</c>). Default: devchain/build/DevUsdc.json.</summary>
    public string? TokenArtifactPath { get; set; }

    /// <summary>The compiled smart-wallet contracts (<c>{contracts: {Name: {bytecode}}}</c>). Default: devchain/build/SmartWallets.json.</summary>
    public string? SmartWalletsArtifactPath { get; set; }

    /// <summary>
    /// A file where anvil keeps its chain between runs (loaded at start, written every few seconds and
    /// at exit). Null: a fresh chain each start, as tests want.
    /// </summary>
    public string? StatePath { get; set; }

    /// <summary>Seconds between blocks; null mines each transaction at once (anvil's automine).</summary>
    public int? BlockTime { get; set; }

    /// <summary>A fixed loopback port (e.g. for a wallet in the browser); null: anvil binds any free port and reports it.</summary>
    public int? Port { get; set; }

    internal string ResolveAnvilPath() => Resolve(AnvilPath) ?? AnvilPackage.FindBinary(RepositoryRoot.Find());

    internal string ResolveTokenArtifactPath() =>
        Resolve(TokenArtifactPath) ?? Path.Combine(RepositoryRoot.Find(), "devchain", "build", "DevUsdc.json");

    internal string ResolveSmartWalletsArtifactPath() =>
        Resolve(SmartWalletsArtifactPath) ?? Path.Combine(RepositoryRoot.Find(), "devchain", "build", "SmartWallets.json");

    internal string? ResolveStatePath() => Resolve(StatePath);

    private static string? Resolve(string? path) => string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);
}
