using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using P402.Core.Common;
using P402.Core.Data;
using P402.Core.PaymentLogs;
using P402.Tests.Infrastructure;
using Xunit.Abstractions;

namespace P402.Tests.Payments;

/// <summary>
/// The payment log keyed by (merchant, id) with ids that are ULIDs of the entry's time: newest first and time filters by the
/// key, the pruner by the key per merchant, and every search the dashboard and the API make found through the key or an
/// index (the query plans, on both providers), never by reading the whole table.
/// </summary>
public abstract class PaymentLogStoreTests(DatabaseProvider provider, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Other = "mch_01JTEST00000000000000000OT";
    private const string Payer = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private static readonly DateTime T0 = new(2026, 11, 20, 12, 0, 0, 500, DateTimeKind.Utc);
    private CoreDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await CoreDatabase.CreateAsync(provider);
        await using var db = await ContextAsync();
        db.Merchants.Add(new P402.Core.Merchants.Merchant { Id = Other, Name = "Other", CreatedAt = T0 });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task List_NewestFirstAndTimeFiltersExactBelowTheMillisecond()
    {
        // Two entries in one millisecond, 0.3 ms apart (PostgreSQL keeps microseconds), then one a second later; the other merchant's in between.
        Write(Entry(CoreDatabase.MerchantId, "req_a", T0), Entry(CoreDatabase.MerchantId, "req_b", T0.AddTicks(3_000)),
            Entry(Other, "req_other", T0.AddMilliseconds(500)), Entry(CoreDatabase.MerchantId, "req_c", T0.AddSeconds(1)));
        var queries = _database.Services.GetRequiredService<PaymentLogQueries>();

        var all = await ListAsync(queries, new PaymentLogFilter());
        Assert.Equal("req_c", all[0]);
        Assert.Equal(["req_a", "req_b", "req_c"], all.Order(StringComparer.Ordinal));
        Assert.Equal(["req_b", "req_c"], (await ListAsync(queries, new PaymentLogFilter(From: T0.AddTicks(10)))).Order(StringComparer.Ordinal));
        Assert.Equal(["req_a"], await ListAsync(queries, new PaymentLogFilter(To: T0.AddTicks(3_000))));
        Assert.Equal(["req_c"], await ListAsync(queries, new PaymentLogFilter(From: T0.AddSeconds(1), To: T0.AddSeconds(1).AddTicks(10))));
        Assert.Empty(await ListAsync(queries, new PaymentLogFilter(From: DateTime.MinValue, To: T0)));
        Assert.Equal(3, (await ListAsync(queries, new PaymentLogFilter(From: DateTime.MinValue, To: DateTime.MaxValue))).Count);
        Assert.Equal(["req_other"], await ListAsync(queries, new PaymentLogFilter(), Other));
    }

    [Fact]
    public async Task Prune_ByTheKeyOfEveryMerchant_OlderDeletedOthersKept()
    {
        var now = T0.AddDays(10);
        Write(Entry(CoreDatabase.MerchantId, "req_old", now.AddDays(-7).AddSeconds(-1)), Entry(Other, "req_other_old", now.AddDays(-8)),
            Entry(CoreDatabase.MerchantId, "req_new", now.AddDays(-7).AddSeconds(1)), Entry(Other, "req_other_new", now.AddDays(-1)));
        var pruner = new PaymentLogPruner(_database.Services.GetRequiredService<IDbContextFactory<P402DbContext>>(), new FakeTimeProvider(now),
            Options.Create(new PaymentLogOptions { RetentionDays = 7 }), NullLogger<PaymentLogPruner>.Instance);

        var deleted = await pruner.PruneAsync(CancellationToken.None);

        Assert.Equal(2, deleted.Entries);
        await using var db = await ContextAsync();
        Assert.Equal(["req_new", "req_other_new"], await db.PaymentLog.Select(p => p.RequestId).OrderBy(r => r).ToListAsync());
    }

    [Fact]
    public async Task Write_EveryColumnAndEveryNull_ReadBackAsWritten()
    {
        // Each provider's batch writer (SQLite's INSERT, PostgreSQL's binary COPY) against what EF Core reads: every value, every null.
        var full = new PaymentLogEntry
        {
            MerchantId = CoreDatabase.MerchantId, ApiKeyId = "key_01JTEST0000000000000000001", RequestId = "req_full", Operation = PaymentOperation.Settle,
            StatusCode = 200, Valid = true, Reason = "SETTLED", Message = "ünïcode ✓ and 'quotes'", Payer = Payer, PayTo = "0x" + new string('b', 40),
            Amount = long.MaxValue, Network = "eip155:8453", Resource = "https://api.example.com/weather?q=x&y=1", SettlementId = "stl_01JTEST000000000000000001",
            TxHash = "0x" + new string('c', 64), CreatedAt = T0.AddTicks(10),
        };
        var nulls = new PaymentLogEntry
        {
            MerchantId = CoreDatabase.MerchantId, RequestId = "req_nulls", Operation = PaymentOperation.Verify, StatusCode = 400, Valid = false, CreatedAt = T0,
        };

        Write(full, nulls);

        await using var db = await ContextAsync();
        var read = await db.PaymentLog.AsNoTracking().OrderBy(p => p.RequestId).ToListAsync();
        Assert.Equal(2, read.Count);
        Assert.Equivalent(full, read[0], strict: true);
        Assert.Equivalent(nulls, read[1], strict: true);
        Assert.Equal(DateTimeKind.Utc, read[0].CreatedAt.Kind);
    }

    public static TheoryData<string> Searches => ["newest", "requestId", "payer", "resource", "from", "to", "prune"];

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Search_FoundByTheKeyOrAnIndex_NeverByReadingTheTable(string search)
    {
        // 4,000 payers of two merchants, each paying once: enough rows and statistics for the planners to pick what a real log gets.
        Write([.. Enumerable.Range(0, 4_000).Select(i => Entry(i % 2 == 0 ? CoreDatabase.MerchantId : Other, $"req_{i}", T0.AddSeconds(i), $"0x{i:x40}"))]);
        await using var db = await ContextAsync();
        var query = search switch
        {
            "prune" => PaymentLogPruner.Expired(db, CoreDatabase.MerchantId, T0.AddSeconds(10)),
            _ => PaymentLogQueries.Newest(PaymentLogQueries.Filter(db, CoreDatabase.MerchantId, search switch
            {
                "requestId" => new PaymentLogFilter(RequestId: "req_4"),
                "payer" => new PaymentLogFilter(Payer: $"0x{4:x40}"),
                "resource" => new PaymentLogFilter(Resource: "weather"),
                "from" => new PaymentLogFilter(From: T0.AddSeconds(10)),
                "to" => new PaymentLogFilter(To: T0.AddSeconds(10)),
                _ => new PaymentLogFilter(),
            })).Take(25),
        };

        var plan = await PlanAsync(db, query);
        output.WriteLine(string.Join(Environment.NewLine, plan));

        if (provider == DatabaseProvider.Sqlite)
        {
            // "SCAN p" (EF's alias of PaymentLog; with or without an index) reads every row of every merchant; SEARCH seeks a range.
            Assert.DoesNotContain(plan, line => line.StartsWith("SCAN p", StringComparison.Ordinal));
            Assert.Contains(plan, line => line.StartsWith("SEARCH p USING", StringComparison.Ordinal));
            if (search is "requestId" or "payer")
            {
                Assert.Contains(plan, line => line.Contains(search == "payer" ? "Payer=?" : "RequestId=?", StringComparison.OrdinalIgnoreCase));
            }
            if (search is "newest" or "resource" or "from" or "to")
            {
                Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal)); // the key's order, no sort
            }
        }
        else
        {
            Assert.DoesNotContain(plan, line => line.Contains("Seq Scan on \"PaymentLog\"", StringComparison.Ordinal));
            // The key's or an index's condition on the merchant: a seek into its range, not a read of the whole index.
            Assert.Contains(plan, line => line.StartsWith("Index Cond: (", StringComparison.Ordinal)
                && line.Contains("(\"MerchantId\")::text = ", StringComparison.Ordinal)
                && (search is not ("requestId" or "payer") || line.Contains(search == "payer" ? "(\"Payer\")::text = " : "(\"RequestId\")::text = ", StringComparison.Ordinal)));
        }
    }

    /// <summary>The plan of <paramref name="query"/> as the database would run it (on PostgreSQL with sequential scans discouraged, since a test's table is small enough that one would be cheapest).</summary>
    private async Task<List<string>> PlanAsync(P402DbContext db, IQueryable<PaymentLogEntry> query)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres ? "ANALYZE \"PaymentLog\"" : "ANALYZE");
        if (provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        }
        await using DbCommand command = query.CreateDbCommand();
        command.CommandText = (provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(provider == DatabaseProvider.Sqlite ? 3 : 0).Trim());
        }
        Assert.NotEmpty(plan);
        return plan;
    }

    private static async Task<List<string>> ListAsync(PaymentLogQueries queries, PaymentLogFilter filter, string merchantId = CoreDatabase.MerchantId)
    {
        var page = await queries.ListAsync(merchantId, filter, new PageRequest(1, 100), CancellationToken.None);
        return [.. page.Items.Select(i => i.RequestId)];
    }

    private void Write(params PaymentLogEntry[] entries)
    {
        using var rows = PaymentLogBatchWriter.For(_database.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        rows.Write(entries);
    }

    private Task<P402DbContext> ContextAsync() =>
        _database.Services.GetRequiredService<IDbContextFactory<P402DbContext>>().CreateDbContextAsync();

    private static PaymentLogEntry Entry(string merchantId, string requestId, DateTime at, string payer = Payer) => new()
    {
        MerchantId = merchantId,
        RequestId = requestId,
        Operation = PaymentOperation.Verify,
        StatusCode = 200,
        Valid = true,
        Payer = payer,
        Resource = "https://api.example.com/Weather?city=Lisbon",
        CreatedAt = at,
    };

    public sealed class OnSqlite(ITestOutputHelper output) : PaymentLogStoreTests(DatabaseProvider.Sqlite, output);

    public sealed class OnPostgres(ITestOutputHelper output) : PaymentLogStoreTests(DatabaseProvider.Postgres, output);
}
