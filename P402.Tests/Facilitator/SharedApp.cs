using P402.Tests.Infrastructure;

namespace P402.Tests.Facilitator;

/// <summary>
/// One app for all tests of a class (a class fixture beside that class's <see cref="AnvilChainFixture"/>):
/// created on first use, disposed after the class's last test, so tests don't each pay for a start.
/// Tests that need a fresh app or a restart make their own <see cref="P402AppFactory"/>.
/// </summary>
public sealed class SharedApp : IAsyncLifetime
{
    private P402AppFactory? _app;

    /// <summary>The class's app on <paramref name="chain"/>; <paramref name="settings"/> apply when it is first created.</summary>
    public P402AppFactory For(AnvilChainFixture chain, IDictionary<string, string?>? settings = null) =>
        _app ??= new P402AppFactory(chain, settings: settings);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
