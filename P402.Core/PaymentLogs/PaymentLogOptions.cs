using System.ComponentModel.DataAnnotations;

namespace P402.Core.PaymentLogs;

/// <summary>Section <c>PaymentLog</c>: how long the answers to /verify and /settle are kept, and how they are written.</summary>
public sealed class PaymentLogOptions
{
    public const string SectionName = "PaymentLog";

    /// <summary>Entries older than this are deleted.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the pruner runs.</summary>
    [Range(1, 24 * 60)]
    public int PruneIntervalMinutes { get; set; } = 60;

    /// <summary>Entries waiting to be written; a full queue makes the answering request wait (never drops an entry).</summary>
    [Range(16, 1_000_000)]
    public int QueueCapacity { get; set; } = 16_384;

    /// <summary>
    /// How long the writer gathers entries before it writes them (unless a full batch is waiting): one transaction,
    /// one fsync, for all the answers of that moment instead of one per answer.
    /// </summary>
    [Range(0, 10_000)]
    public int FlushIntervalMilliseconds { get; set; } = 200;

    /// <summary>Most entries written in one transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 512;
}
