using P402.Core.Common;

namespace P402.Core.Data;

/// <summary>One <c>NOTIFY</c> payload: the events an instance published since its last one.</summary>
/// <param name="Instance">The publishing instance, which ignores its own message.</param>
/// <param name="Events">Distinct events, in order.</param>
internal sealed record RelayMessage(string Instance, IReadOnlyList<MerchantEvent> Events);
