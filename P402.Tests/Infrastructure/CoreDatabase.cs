using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using P402.Core;
using P402.Core.Data;
using P402.Core.Merchants;
using P402.Core.Payments;
using P402.Core.Receipts;

namespace P402.Tests.Infrastructure;

/// <summary>
/// Core's services as the app composes them, on a migrated <see cref="TestDatabase"/> of either provider, with one
/// merchant, one confirmed settlement and one active receipt: for Core-level data tests without HTTP or a chain.
/// </summary>
public sealed class CoreDatabase : IAsyncDisposable
{
    public const string MerchantId = "mch_01JTEST00000000000000000MM";
    public const string ReceiptId = "rcpt_01JTEST00000000000000000RR";
    public const string Resource = "https://api.example.com/weather";

    private CoreDatabase(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        Services = services;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    /// <param name="provider">Which provider the database (and Core's services) run on.</param>
    /// <param name="configure">Runs before Core's registrations, e.g. to put a FakeTimeProvider in place of the clock.</param>
    public static async Task<CoreDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, Action<IServiceCollection>? configure = null) =>
        await CreateAsync(await TestDatabase.CreateAsync(provider), configure);

    /// <summary>Core on <paramref name="database"/> (which it then owns), migrated and seeded.</summary>
    public static async Task<CoreDatabase> CreateAsync(TestDatabase database, Action<IServiceCollection>? configure = null)
    {
        var core = new CoreDatabase(database, BuildServices(database, configure));
        await core.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await core.SeedAsync();
        return core;
    }

    /// <summary>Core's services once more on the same database, as another instance of the app has them (the caller disposes them).</summary>
    public ServiceProvider AnotherInstance(Action<IServiceCollection>? configure = null) => BuildServices(Database, configure);

    /// <summary>Runs one statement on a connection of its own and returns the first column of the first row.</summary>
    public Task<object?> ScalarAsync(string sql) => Database.ScalarAsync(sql);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A settlement of <see cref="MerchantId"/>: payer anvil account 1, 0.01 USDC on Base.</summary>
    public static Settlement NewSettlement(string id, string nonce, SettlementStatus status) => new()
    {
        Id = id,
        MerchantId = MerchantId,
        RequestId = "req_test",
        Network = "eip155:8453",
        Asset = "0x833589fcd6edb6e08f4c7c32d4f71b54bda02913",
        Payer = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
        PayTo = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65",
        Value = 10_000,
        Nonce = nonce,
        Status = status,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    private static ServiceProvider BuildServices(TestDatabase database, Action<IServiceCollection>? configure)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        var collection = new ServiceCollection().AddLogging();
        configure?.Invoke(collection);
        collection.AddP402Core(configuration);
        collection.AddIdentityCore<P402User>(o => o.Stores.SchemaVersion = P402DbContext.IdentitySchemaVersion).AddEntityFrameworkStores<P402DbContext>();
        return collection.BuildServiceProvider();
    }

    private async Task SeedAsync()
    {
        var now = DateTime.UtcNow;
        await using var db = await Services.GetRequiredService<IDbContextFactory<P402DbContext>>().CreateDbContextAsync();
        db.Merchants.Add(new P402.Core.Merchants.Merchant { Id = MerchantId, Name = "Test", CreatedAt = now });
        db.Settlements.Add(NewSettlement("stl_01JTEST00000000000000000SS", "0x" + new string('2', 64), SettlementStatus.Confirmed));
        db.Receipts.Add(new Receipt
        {
            Id = ReceiptId,
            MerchantId = MerchantId,
            SettlementId = "stl_01JTEST00000000000000000SS",
            Resource = Resource,
            Payer = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
            CreatedAt = now,
            ExpiresAt = now.AddDays(1),
        });
        await db.SaveChangesAsync();
    }
}
