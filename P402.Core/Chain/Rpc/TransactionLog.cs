using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.Rpc;

/// <summary>An event a transaction emitted: the contract, its indexed topics (32 bytes each) and its data.</summary>
public sealed record TransactionLog(EthAddress Address, IReadOnlyList<byte[]> Topics, byte[] Data, long LogIndex);
