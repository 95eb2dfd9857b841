using P402.Core.Chain.Rpc;

namespace P402.Core.Payments;

/// <summary>A settlement whose transfer was found mined with its Transfer: its receipt, and whether its block is deep enough to confirm it.</summary>
public sealed record MinedSettlement(Settlement Settlement, TransactionReceipt Receipt, bool Deep);
