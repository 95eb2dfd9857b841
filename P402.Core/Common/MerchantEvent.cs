namespace P402.Core.Common;

/// <summary>Something changed in a merchant's data that an open dashboard should show at once.</summary>
/// <param name="MerchantId">Whose data changed.</param>
/// <param name="Kind">What changed.</param>
/// <param name="EntityId">The settlement or receipt id.</param>
public sealed record MerchantEvent(string MerchantId, MerchantEventKind Kind, string EntityId);
