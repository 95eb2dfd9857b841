namespace P402.Core.Payments;

/// <summary>A settlement whose transfer was found mined with its Transfer: where, at what cost, and whether its block is deep enough to confirm it.</summary>
public sealed record MinedSettlement(Settlement Settlement, long BlockNumber, string BlockHash, long GasUsed, long EffectiveGasPriceWei, bool Deep);
