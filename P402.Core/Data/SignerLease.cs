namespace P402.Core.Data;

/// <summary>
/// Who may use one signer key's nonces now: the instance named <see cref="Holder"/>, until <see cref="ExpiresAt"/>.
/// <see cref="Epoch"/> grows each time the lease changes hands, so a new holder knows to read the nonce afresh.
/// </summary>
public sealed class SignerLease
{
    /// <summary><c>network:address</c>: each key has its own nonce sequence on each chain.</summary>
    public required string Key { get; set; }

    public string Holder { get; set; } = "";

    public DateTime ExpiresAt { get; set; }

    public long Epoch { get; set; }

    /// <summary>When another instance last asked for the key while it was held (null since the holder took it): the holder then yields after its turn.</summary>
    public DateTime? WantedAt { get; set; }
}
