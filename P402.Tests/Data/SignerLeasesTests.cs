using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using P402.Core.Data;
using P402.Tests.Infrastructure;

namespace P402.Tests.Data;

/// <summary>A signer key's lease is held by one instance at a time, changes hands on release or expiry, and says when it did. On both providers.</summary>
public abstract class SignerLeasesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Key = "8453:0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private CoreDatabase _database = null!;
    private ServiceProvider _other = null!;
    private SignerLeases _a = null!;
    private SignerLeases _b = null!;

    public async Task InitializeAsync()
    {
        _database = await CoreDatabase.CreateAsync(provider, s => s.AddSingleton<TimeProvider>(_time));
        _other = _database.AnotherInstance(s => s.AddSingleton<TimeProvider>(_time));
        _a = _database.Services.GetRequiredService<SignerLeases>();
        _b = _other.GetRequiredService<SignerLeases>();
    }

    public async Task DisposeAsync()
    {
        await _other.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task TryAcquire_HeldByAnotherInstance_IsRefusedUntilReleased()
    {
        var first = await _a.TryAcquireAsync(Key, Duration, CancellationToken.None);
        var refused = await _b.TryAcquireAsync(Key, Duration, CancellationToken.None);
        var renewed = await _a.TryAcquireAsync(Key, Duration, CancellationToken.None);
        await _a.ReleaseAsync(Key, first!.Epoch, CancellationToken.None);
        var taken = await _b.TryAcquireAsync(Key, Duration, CancellationToken.None);

        Assert.Null(refused);
        Assert.NotNull(renewed!.WantedAt); // the holder learns that B asked for it
        Assert.True(taken!.Epoch > first.Epoch, $"epoch {taken.Epoch} after {first.Epoch}");
        Assert.False(taken.TookOver); // released, not expired: nothing of A's can be left unsent
        Assert.Null(taken.WantedAt);
        Assert.Equal(_b.Holder, (await _a.FindAsync(Key, CancellationToken.None))!.Holder);
    }

    [Fact]
    public async Task TryAcquire_RenewedByItsHolder_KeepsTheEpoch()
    {
        var first = await _a.TryAcquireAsync(Key, Duration, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(20));
        var renewed = await _a.TryAcquireAsync(Key, Duration, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(20)); // 40 s after the first take, 20 s after the renewal

        Assert.Equal(first!.Epoch, renewed!.Epoch);
        Assert.Null(renewed.WantedAt);
        Assert.Null(await _b.TryAcquireAsync(Key, Duration, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquire_ExpiredButNobodyTookIt_TheHolderKeepsItsEpoch()
    {
        var first = await _a.TryAcquireAsync(Key, Duration, CancellationToken.None);
        _time.Advance(Duration * 2);

        var again = await _a.TryAcquireAsync(Key, Duration, CancellationToken.None);

        Assert.Equal(first!.Epoch, again!.Epoch); // no one else used the key's nonces: the sequence stays valid
        Assert.False(again.TookOver);
    }

    [Fact]
    public async Task TryAcquire_HolderDiedAndTheLeaseExpired_AnotherInstanceTakesIt()
    {
        var first = await _a.TryAcquireAsync(Key, Duration, CancellationToken.None);
        _time.Advance(Duration);

        var taken = await _b.TryAcquireAsync(Key, Duration, CancellationToken.None);
        var stale = await _a.TryAcquireAsync(Key, Duration, CancellationToken.None);

        Assert.True(taken!.Epoch > first!.Epoch);
        Assert.True(taken.TookOver); // A may have left transactions stored and not broadcast
        Assert.Null(stale);
    }

    [Fact]
    public async Task TryAcquire_ManyInstancesAtOnce_ExactlyOneWins()
    {
        var instances = Enumerable.Range(0, 8).Select(_ => _database.AnotherInstance(s => s.AddSingleton<TimeProvider>(_time))).ToList();
        try
        {
            var results = await Task.WhenAll(instances.Select(i => Task.Run(() =>
                i.GetRequiredService<SignerLeases>().TryAcquireAsync(Key, Duration, CancellationToken.None))));

            Assert.Single(results, r => r is not null);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    public sealed class OnSqlite() : SignerLeasesTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SignerLeasesTests(DatabaseProvider.Postgres);
}
