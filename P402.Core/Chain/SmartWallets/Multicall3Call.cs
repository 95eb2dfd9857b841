using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.SmartWallets;

/// <summary>One <c>Call3</c> of Multicall3's <c>aggregate3</c>: target, whether it may fail, call data.</summary>
internal sealed record Multicall3Call(EthAddress Target, bool AllowFailure, byte[] CallData);
