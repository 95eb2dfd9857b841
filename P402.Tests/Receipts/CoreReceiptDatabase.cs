using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using P402.Core;
using P402.Core.Data;
using P402.Core.Merchants;
using P402.Core.Payments;
using P402.Core.Receipts;

namespace P402.Tests.Receipts;

/// <summary>
/// Core's services as the app composes them, on a migrated SQLite file in a temp folder, with one
/// merchant, one confirmed settlement and one active receipt: for Core-level receipt tests without HTTP or a chain.
/// </summary>
public sealed class CoreReceiptDatabase : IAsyncDisposable
{
    public const string MerchantId = "mch_01JTEST00000000000000000MM";
    public const string ReceiptId = "rcpt_01JTEST00000000000000000RR";
    public const string Resource = "https://api.example.com/weather";

    private readonly string _directory;

    private CoreReceiptDatabase(string directory, ServiceProvider services)
    {
        _directory = directory;
        Services = services;
    }

    public ServiceProvider Services { get; }

    /// <summary>A connection of its own (no pool), to look at what is committed.</summary>
    public string ConnectionString => $"Data Source={Path.Combine(_directory, "p402.db")};Pooling=False";

    /// <param name="configure">Runs before Core's registrations, e.g. to put a FakeTimeProvider in place of the clock.</param>
    public static async Task<CoreReceiptDatabase> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var directory = Directory.CreateTempSubdirectory("p402-receipts-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = $"Data Source={Path.Combine(directory, "p402.db")}" })
            .Build();
        var collection = new ServiceCollection().AddLogging();
        configure?.Invoke(collection);
        collection.AddP402Core(configuration);
        collection.AddIdentityCore<P402User>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3).AddEntityFrameworkStores<P402DbContext>();
        var database = new CoreReceiptDatabase(directory, collection.BuildServiceProvider());
        await database.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await database.SeedAsync();
        return database;
    }

    /// <summary>Runs one statement on a connection of its own and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
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
