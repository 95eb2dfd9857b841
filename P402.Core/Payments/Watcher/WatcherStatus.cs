namespace P402.Core.Payments.Watcher;

/// <summary>What a network's settlement watcher last did, for <c>/healthz</c> and the overview.</summary>
public sealed record WatcherStatus(
    string Network,
    bool Running,
    long? Head,
    DateTimeOffset? LastPassAt,
    int Following,
    string? LastError);
