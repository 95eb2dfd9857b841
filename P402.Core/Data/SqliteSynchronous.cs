namespace P402.Core.Data;

/// <summary>
/// SQLite's <c>synchronous</c> level in WAL mode, that is, what a write P402 has answered survives.
/// Receipt reuses are committed in groups, so <see cref="Full"/> pays one fsync per group, not per reuse.
/// The WAL is one file: an fsync for any commit also makes every earlier commit durable.
/// </summary>
public enum SqliteSynchronous
{
    /// <summary>Every commit is on disk (fsync) before the answer: it survives a power cut or a kernel crash.</summary>
    Full,

    /// <summary>A commit is in the WAL file before the answer: it survives a crash of the process, not of the machine.</summary>
    Normal,
}
