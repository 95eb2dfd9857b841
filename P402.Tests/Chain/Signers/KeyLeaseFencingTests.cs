using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using P402.Core.Chain.Signers;
using P402.Core.Data;
using P402.Tests.Infrastructure;

namespace P402.Tests.Chain.Signers;

/// <summary>
/// A use of a signer key that outlives its lease (the holder's renewals stall: a loaded machine, a database that does not
/// answer) is told so before it stores or broadcasts anything, and the instance that takes the expired lease admits no use
/// until the old holder's in-flight window is over. Two instances (two lease holders) on one database, one clock the test moves.
/// </summary>
public sealed class KeyLeaseFencingTests : IAsyncLifetime
{
    private const string Key = "31337:0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(600); // on the test's clock, which only the test moves
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private CoreDatabase _database = null!;
    private ServiceProvider _other = null!;

    public async Task InitializeAsync()
    {
        _database = await CoreDatabase.CreateAsync(DatabaseProvider.Sqlite, s => s.AddSingleton<TimeProvider>(_time));
        _other = _database.AnotherInstance(s => s.AddSingleton<TimeProvider>(_time));
    }

    public async Task DisposeAsync()
    {
        await _other.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Enter_LeaseExpiresWhileAUseIsInFlight_TheUseIsNoLongerValidAndTheTakerWaitsOneLeaseBeforeItsFirstUse()
    {
        var contexts = new GatedDbContexts(_database.Services.GetRequiredService<IDbContextFactory<P402DbContext>>());
        var options = _database.Services.GetRequiredService<IOptions<DatabaseOptions>>();
        var a = new KeyLease(Key, new SignerLeases(contexts, _time, options), Duration, _time, NullLogger.Instance);
        var b = new KeyLease(Key, _other.GetRequiredService<SignerLeases>(), Duration, _time, NullLogger.Instance);

        using var inFlight = await a.EnterAsync(Long, CancellationToken.None);
        var validWhileRenewed = inFlight.IsValid;
        contexts.Close(); // A's renewals stall from here on
        _time.Advance(Duration + TimeSpan.FromMilliseconds(1));
        var validAfterExpiry = inFlight.IsValid;

        var first = b.EnterAsync(Long, CancellationToken.None);
        await Eventually.UntilAsync(() => Task.FromResult(b.State.State), s => s == "held", what: "B taking the expired lease");
        var duringWindow = await Record.ExceptionAsync(async () => (await b.EnterAsync(TimeSpan.Zero, CancellationToken.None)).Dispose());
        _time.Advance(Duration + TimeSpan.FromMilliseconds(1));
        using var afterWindow = await first.WaitAsync(TimeSpan.FromSeconds(60));
        contexts.Open();
        await Eventually.UntilAsync(() => Task.FromResult(a.State.State), s => s != "held", what: "A learning that its lease is gone");

        Assert.True(validWhileRenewed);
        Assert.False(validAfterExpiry); // not one more store or broadcast under it
        Assert.IsType<SignerLeaseUnavailableException>(duringWindow); // what A began under its lease lands first
        Assert.True(afterWindow.TookOver);
        Assert.True(afterWindow.Epoch > inFlight.Epoch, $"epoch {afterWindow.Epoch} after {inFlight.Epoch}");
        Assert.True(afterWindow.IsValid);
        Assert.False(inFlight.IsValid); // lost for good: another instance holds it
    }
}
