using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using P402.Core;
using P402.Core.Data;
using P402.Core.Merchants;
using P402.Core.Payments;
using P402.Core.Receipts;

namespace P402.Benchmarks;

/// <summary>
/// Core's services on a migrated SQLite file in a temp folder, as the app composes them, with one
/// merchant, one confirmed settlement and one active receipt for the database benchmarks.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string Resource = "https://api.example.com/weather";

    private readonly string _directory;

    private BenchDatabase(string directory, ServiceProvider services)
    {
        _directory = directory;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public string MerchantId { get; } = "mch_01JBENCH0000000000000000MM";

    public string ReceiptId { get; } = "rcpt_01JBENCH0000000000000000RR";

    public static async Task<BenchDatabase> CreateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("p402-bench-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = $"Data Source={Path.Combine(directory, "p402.db")}" })
            .Build();
        var collection = new ServiceCollection().AddLogging().AddP402Core(configuration);
        // The app's Identity schema (version 3) is part of the model the migrations describe.
        collection.AddIdentityCore<P402User>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .AddEntityFrameworkStores<P402DbContext>();
        var services = collection.BuildServiceProvider();
        var database = new BenchDatabase(directory, services);
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await database.SeedAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task SeedAsync()
    {
        var now = DateTime.UtcNow;
        await using var db = await Services.GetRequiredService<IDbContextFactory<P402DbContext>>().CreateDbContextAsync();
        db.Merchants.Add(new Merchant { Id = MerchantId, Name = "Bench", CreatedAt = now });
        db.Settlements.Add(new Settlement
        {
            Id = "stl_01JBENCH0000000000000000SS",
            MerchantId = MerchantId,
            RequestId = "req_bench",
            Network = "eip155:8453",
            Asset = "0x833589fcd6edb6e08f4c7c32d4f71b54bda02913",
            Payer = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
            PayTo = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65",
            Value = 10_000,
            Nonce = "0x" + new string('1', 64),
            Status = SettlementStatus.Confirmed,
            CreatedAt = now,
            UpdatedAt = now,
        });
        db.Receipts.Add(new Receipt
        {
            Id = ReceiptId,
            MerchantId = MerchantId,
            SettlementId = "stl_01JBENCH0000000000000000SS",
            Resource = Resource,
            Payer = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
            CreatedAt = now,
            ExpiresAt = now.AddDays(1),
        });
        await db.SaveChangesAsync();
    }
}
