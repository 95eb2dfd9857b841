namespace P402.Core.Data;

/// <summary>
/// One running instance's sign of life: <see cref="Id"/> is alive until <see cref="ExpiresAt"/>, which it pushes forward
/// while it runs (<see cref="InstanceHeartbeats"/>). Past it, the instance is dead: its reservations may be released.
/// </summary>
public sealed class InstanceHeartbeat
{
    public required string Id { get; set; }

    public DateTime ExpiresAt { get; set; }
}
