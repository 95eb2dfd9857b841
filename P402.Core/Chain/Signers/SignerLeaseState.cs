namespace P402.Core.Chain.Signers;

/// <summary>One key's lease as this instance sees it: <c>held</c>, <c>yielding</c> (held, handing over after its turn), <c>waiting</c> or <c>idle</c>.</summary>
public sealed record SignerLeaseState(string Key, string State, long? Epoch, int Uses, int Waiting, string? LastError);
