namespace P402.Dashboard.Demo;

/// <summary>
/// The demo's current credentials, set once the app listens (null until then, and for good if the start-up
/// step could not make them). Tests read <see cref="Current"/> to act as the demo merchant.
/// </summary>
internal sealed class DemoConnection
{
    private volatile DemoCredentials? _current;

    public DemoMode Mode { get; init; }

    public DemoCredentials? Current => _current;

    public void Set(DemoCredentials credentials) => _current = credentials;
}
