namespace P402.Core.Payments.Sending;

/// <summary>
/// One signed transaction P402 broadcast for a settlement: the first send, a fee replacement (same
/// nonce, higher fees), or a re-sign with a fresh nonce. The settlement's <see cref="Settlement.TxHash"/>
/// is its current attempt's; any live attempt may be the one that gets mined.
/// </summary>
public sealed class SettlementAttempt
{
    public required string SettlementId { get; init; }

    /// <summary>1 for the first broadcast, then counting up across retries of the same payment.</summary>
    public int Number { get; init; }

    public required string TxHash { get; init; }

    public long Nonce { get; init; }

    /// <summary>The signer key's address, lower-case hex.</summary>
    public required string Signer { get; init; }

    public long MaxFeePerGasWei { get; init; }

    public long MaxPriorityFeePerGasWei { get; init; }

    public long GasLimit { get; init; }

    /// <summary>The signed transaction while the attempt may still be mined (re-broadcast, replacement); null once final.</summary>
    public string? RawTransaction { get; set; }

    public DateTime SentAt { get; init; }

    public AttemptOutcome Outcome { get; set; }

    public long? BlockNumber { get; set; }

    public long? GasUsed { get; set; }

    public long? EffectiveGasPriceWei { get; set; }

    /// <summary>Why the attempt is as it is, when that is not obvious (the node's refusal; a replacement held back by a fee cap).</summary>
    public string? Note { get; set; }

    public const int NoteMaxLength = 500;

    public static string Clip(string note) => note.Length > NoteMaxLength ? note[..NoteMaxLength] : note;
}
