namespace P402.Core.Data;

/// <summary>A lease taken or renewed by this instance.</summary>
/// <param name="Epoch">Grows whenever the lease changes hands; the same while one holder keeps it.</param>
/// <param name="TookOver">Taken from another instance whose lease ran out (it died or stalled), not from a released one.</param>
/// <param name="WantedAt">Another instance asked for the key since this one took it.</param>
public sealed record SignerLeaseGrant(long Epoch, bool TookOver, DateTime? WantedAt);
