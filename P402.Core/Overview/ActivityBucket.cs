namespace P402.Core.Overview;

/// <summary>Confirmed settlements created in [<paramref name="Start"/>, Start + bucket size).</summary>
/// <param name="Start">UTC start of the bucket.</param>
/// <param name="Settlements">How many confirmed settlements.</param>
/// <param name="Volume">Their total value in atomic units.</param>
public sealed record ActivityBucket(DateTime Start, int Settlements, long Volume);
