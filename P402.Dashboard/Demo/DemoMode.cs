namespace P402.Dashboard.Demo;

/// <summary>How the demo endpoint gets its merchant key, decided once at composition.</summary>
internal enum DemoMode
{
    /// <summary>No demo endpoint.</summary>
    Off,

    /// <summary>A start-up step ensures the demo merchant and creates a fresh key kept in memory.</summary>
    Bootstrap,

    /// <summary>The key comes from <see cref="DemoOptions.ApiKey"/>.</summary>
    ConfiguredKey,
}
