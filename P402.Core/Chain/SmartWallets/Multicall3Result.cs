namespace P402.Core.Chain.SmartWallets;

/// <summary>One <c>Result</c> of <c>aggregate3</c>: whether the call succeeded, and its return (or revert) data.</summary>
internal sealed record Multicall3Result(bool Success, byte[] ReturnData);
