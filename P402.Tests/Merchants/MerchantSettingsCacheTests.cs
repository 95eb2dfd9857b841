using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using P402.Core.Common;
using P402.Core.Merchants;
using P402.Core.Data;
using P402.Tests.Infrastructure;

namespace P402.Tests.Merchants;

/// <summary>The merchant settings that verify and settle read on every request are remembered for a few seconds.</summary>
public abstract class MerchantSettingsCacheTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string MerchantId = CoreDatabase.MerchantId;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private CoreDatabase _database = null!;
    private MerchantService _merchants = null!;

    public async Task InitializeAsync()
    {
        _database = await CoreDatabase.CreateAsync(provider, services => services.AddSingleton<TimeProvider>(_time));
        _merchants = _database.Services.GetRequiredService<MerchantService>();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task GetSettings_ChangedByAnotherInstance_SeenOnceTheLifetimeHasPassed()
    {
        Assert.Equal(MerchantSettings.StandardGasPriceLimitWei, (await _merchants.GetSettingsAsync(MerchantId, CancellationToken.None)).GasPriceLimitWei);

        await _database.ScalarAsync($"""UPDATE "Merchants" SET "GasPriceLimitWei" = 7 WHERE "Id" = '{MerchantId}'""");
        var within = await _merchants.GetSettingsAsync(MerchantId, CancellationToken.None);
        _time.Advance(ShortLivedCache<MerchantSettings>.Lifetime);
        var after = await _merchants.GetSettingsAsync(MerchantId, CancellationToken.None);

        Assert.Equal((MerchantSettings.StandardGasPriceLimitWei, 7L), (within.GasPriceLimitWei, after.GasPriceLimitWei));
    }

    [Fact]
    public async Task GetSettings_AfterAnUpdateOnThisInstance_IsTheNewValueAtOnce()
    {
        var before = await _merchants.GetSettingsAsync(MerchantId, CancellationToken.None);

        var errors = await _merchants.UpdateSettingsAsync(MerchantId, new MerchantSettings { GasPriceLimitWei = 1_000_000_000 }, CancellationToken.None);
        var after = await _merchants.GetSettingsAsync(MerchantId, CancellationToken.None);

        Assert.Empty(errors);
        Assert.Equal((MerchantSettings.StandardGasPriceLimitWei, 1_000_000_000L), (before.GasPriceLimitWei, after.GasPriceLimitWei));
    }

    [Fact]
    public async Task GetSettings_CallerChangesItsCopy_TheNextCallerGetsTheStoredValue()
    {
        var first = await _merchants.GetSettingsAsync(MerchantId, CancellationToken.None);
        first.GasPriceLimitWei = 1;
        first = await _merchants.GetSettingsAsync(MerchantId, CancellationToken.None);
        first.MaxGasPerSettlement = 1;

        var next = await _merchants.GetSettingsAsync(MerchantId, CancellationToken.None);

        Assert.Equal((MerchantSettings.StandardGasPriceLimitWei, MerchantSettings.StandardMaxGasPerSettlement), (next.GasPriceLimitWei, next.MaxGasPerSettlement));
    }

    public sealed class OnSqlite() : MerchantSettingsCacheTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : MerchantSettingsCacheTests(DatabaseProvider.Postgres);
}
