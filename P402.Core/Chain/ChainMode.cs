namespace P402.Core.Chain;

public enum ChainMode
{
    /// <summary>A local anvil node started and stopped with the app (development, tests).</summary>
    Dev,

    /// <summary>Real networks through their RPC URLs (production).</summary>
    Rpc,
}
