namespace P402.Tests.E2E;

/// <summary>The Playwright tests share one app and one browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardE2ECollection : ICollectionFixture<DashboardAppFixture>
{
    public const string Name = "Dashboard E2E";
}
