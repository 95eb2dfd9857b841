namespace P402.Core.Chain.DevChain;

/// <summary>anvil did not come up: it exited, never answered, or answered the wrong chain id. The message carries its last output.</summary>
public sealed class AnvilStartException : Exception
{
    public AnvilStartException(string message) : base(message) { }
}
