using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.ApiKeys;
using P402.Core.Common;
using P402.Core.Data;
using P402.Core.Merchants;
using P402.Core.Receipts;
using P402.Tests.Infrastructure;
using P402.Tests.Infrastructure.Postgres;

namespace P402.Tests.Data;

/// <summary>
/// Three instances of Core on one PostgreSQL database, each with its LISTEN/NOTIFY relay running: what one of them
/// changes reaches the caches and the live subscribers of the others, also after the server restarted.
/// </summary>
public sealed class MerchantEventRelayTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(1);
    private PostgresServer? _ownServer;
    private CoreDatabase _database = null!;
    private readonly List<ServiceProvider> _instances = [];

    public async Task InitializeAsync() => _database = await CoreDatabase.CreateAsync(DatabaseProvider.Postgres);

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.GetRequiredService<MerchantEventRelay>().StopAsync(CancellationToken.None);
            await instance.DisposeAsync();
        }
        await _database.DisposeAsync();
        if (_ownServer is not null)
        {
            await _ownServer.DisposeAsync();
        }
    }

    [Fact]
    public async Task RevokeKey_OnInstanceA_RefusedByBAndCWithinASecond()
    {
        var (a, b, c) = await StartThreeAsync();
        var key = await a.GetRequiredService<ApiKeyService>().CreateAsync(CoreDatabase.MerchantId, "k", ApiKeyScopes.All, ApiKeyMode.Test, "test", CancellationToken.None);
        Assert.NotNull(await AuthenticateAsync(b, key.Secret)); // now remembered by B and C for 5 s
        Assert.NotNull(await AuthenticateAsync(c, key.Secret));
        var reachedB = Arrival(b, MerchantEventKind.ApiKeysChanged, key.Key.Id);
        var reachedC = Arrival(c, MerchantEventKind.ApiKeysChanged, key.Key.Id);

        var clock = Stopwatch.StartNew();
        await a.GetRequiredService<ApiKeyService>().RevokeAsync(CoreDatabase.MerchantId, key.Key.Id, CancellationToken.None);
        await Task.WhenAll(reachedB, reachedC).WaitAsync(Within);
        var refusedAfter = clock.Elapsed;

        Assert.Null(await AuthenticateAsync(b, key.Secret));
        Assert.Null(await AuthenticateAsync(c, key.Secret));
        Assert.True(refusedAfter < Within, $"refused after {refusedAfter}");
    }

    [Fact]
    public async Task UpdateSettings_OnInstanceA_InForceOnBAtOnce()
    {
        var (a, b, _) = await StartThreeAsync();
        var merchants = b.GetRequiredService<MerchantService>();
        Assert.Equal(MerchantSettings.StandardGasPriceLimitWei, (await merchants.GetSettingsAsync(CoreDatabase.MerchantId, CancellationToken.None)).GasPriceLimitWei);
        var reached = Arrival(b, MerchantEventKind.SettingsChanged, CoreDatabase.MerchantId);

        await a.GetRequiredService<MerchantService>().UpdateSettingsAsync(CoreDatabase.MerchantId, new MerchantSettings { GasPriceLimitWei = 7_000_000_000 }, CancellationToken.None);
        await reached.WaitAsync(Within);

        Assert.Equal(7_000_000_000, (await merchants.GetSettingsAsync(CoreDatabase.MerchantId, CancellationToken.None)).GasPriceLimitWei);
    }

    [Fact]
    public async Task ReceiptReusedAndRevoked_OnInstanceA_ReachTheLiveSubscribersOfC()
    {
        var (a, _, c) = await StartThreeAsync();
        var reused = Arrival(c, MerchantEventKind.ReceiptReused, CoreDatabase.ReceiptId);
        var revoked = Arrival(c, MerchantEventKind.ReceiptRevoked, CoreDatabase.ReceiptId);

        Assert.True((await a.GetRequiredService<ReceiptVerifier>().VerifyAsync(CoreDatabase.MerchantId, CoreDatabase.ReceiptId, CoreDatabase.Resource, CancellationToken.None)).Valid);
        await a.GetRequiredService<ReceiptService>().RevokeAsync(CoreDatabase.MerchantId, CoreDatabase.ReceiptId, "test", CancellationToken.None);

        await Task.WhenAll(reused, revoked).WaitAsync(Within);
    }

    [Fact]
    public async Task ServerRestarted_RelaysReconnect_AndARevokeReachesTheOthersAgain()
    {
        _ownServer = await PostgresServer.StartAsync();
        await _database.DisposeAsync();
        _database = await CoreDatabase.CreateAsync(await PostgresTestDatabase.CreateAsync(_ownServer));
        var (a, b, _) = await StartThreeAsync();
        var key = await a.GetRequiredService<ApiKeyService>().CreateAsync(CoreDatabase.MerchantId, "k", ApiKeyScopes.All, ApiKeyMode.Test, "test", CancellationToken.None);
        var relayB = b.GetRequiredService<MerchantEventRelay>();

        await _ownServer.StopAsync();
        await _ownServer.RestartAsync();
        Assert.NotNull(await AuthenticateAsync(b, key.Secret)); // B reaches the database again (and remembers the key)
        await WaitUntilAsync(() => relayB.IsListening && a.GetRequiredService<MerchantEventRelay>().IsListening);
        var reached = Arrival(b, MerchantEventKind.ApiKeysChanged, key.Key.Id);
        await a.GetRequiredService<ApiKeyService>().RevokeAsync(CoreDatabase.MerchantId, key.Key.Id, CancellationToken.None);
        await reached.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(await AuthenticateAsync(b, key.Secret));
    }

    private async Task<(ServiceProvider A, ServiceProvider B, ServiceProvider C)> StartThreeAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            var instance = _database.AnotherInstance();
            _instances.Add(instance);
            var relay = instance.GetRequiredService<MerchantEventRelay>();
            await relay.StartAsync(CancellationToken.None);
            await relay.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        }
        return (_instances[0], _instances[1], _instances[2]);
    }

    private static Task<ApiKeyPrincipal?> AuthenticateAsync(ServiceProvider instance, string secret) =>
        instance.GetRequiredService<ApiKeyService>().AuthenticateAsync(secret, CancellationToken.None);

    /// <summary>Completes when <paramref name="instance"/>'s live subscribers receive the event (from another instance).</summary>
    private static Task Arrival(ServiceProvider instance, MerchantEventKind kind, string entityId)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        instance.GetRequiredService<MerchantEvents>().Subscribe(CoreDatabase.MerchantId, change =>
        {
            if (change.Kind == kind && change.EntityId == entityId)
            {
                arrived.TrySetResult();
            }
            return Task.CompletedTask;
        });
        return arrived.Task;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
