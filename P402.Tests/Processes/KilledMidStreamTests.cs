using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Processes;

/// <summary>
/// The app as a real process on a chain that mines every second, its RPC 100 ms away (the fault proxy), settling from many
/// connections, is SIGKILLed while settlements are in every state: reserved and not yet signed (Pending), signed and sent but not
/// mined (Submitted), mined but not yet recorded (Submitted, with a receipt on the chain). Restarted on the same database and chain,
/// every settlement ends Confirmed, or Failed with a reason when nothing was sent; none is paid twice.
/// </summary>
public sealed class KilledMidStreamTests(BlockTimeChainFixture fixture, ITestOutputHelper output) : IClassFixture<BlockTimeChainFixture>
{
    private const int Workers = 24;
    private const int MaxKills = 4;

    private AnvilChainFixture Chain => fixture.Chain;

    [Fact]
    public async Task Settle_ProcessKilledWithSettlementsInEveryState_AfterRestartEachFinishesOnceAndNoneIsPaidTwice()
    {
        await using var proxy = await JsonRpcFaultProxy.StartAsync(Chain.RpcUrl);
        proxy.Latency = TimeSpan.FromMilliseconds(100);
        var settings = new Dictionary<string, string?>
        {
            ["Chain:Networks:0:RpcUrl"] = proxy.Url.ToString(),
            // The watcher looks every 2.5 s: blocks (every second) hold transactions it has not recorded yet.
            ["Chain:BlockPollMilliseconds"] = "2500",
            ["Chain:ConfirmationTimeoutSeconds"] = "30",
        };
        var setup = new P402AppFactory(Chain, settings: settings);
        var merchant = await setup.CreateMerchantAsync();
        await setup.DisposeAsync();
        var facilitator = Chain.Chain.Facilitator.Address;
        var nonceBefore = await Chain.TransactionCountAsync(facilitator, BlockTag.Latest);
        var payments = new ConcurrentBag<TestPayment>();

        var covered = new KillStates(false, false, false);
        for (var kill = 0; kill < MaxKills && !covered.All; kill++)
        {
            var atKill = await RunAndKillAsync(setup, merchant, payments);
            var rows = await RowsAsync(setup.DatabasePath);
            output.WriteLine($"kill {kill + 1}: {atKill}; rows by status: {string.Join(", ", rows.GroupBy(r => r.Status).Select(g => $"{g.Key} {g.Count()}"))}");
            covered = covered.With(atKill);
        }
        Assert.True(covered.All, $"the kills found Pending {covered.Pending}, sent {covered.Sent}, mined-unrecorded {covered.MinedUnrecorded}");

        await using (var host = await P402HostProcess.StartAsync(setup.Configuration))
        {
            try
            {
                await Eventually.UntilAsync(() => RowsAsync(setup.DatabasePath),
                    rows => rows.All(r => r.Status is "Confirmed" or "Failed"), TimeSpan.FromMinutes(2), "Every settlement final after the restart");
            }
            catch (TimeoutException)
            {
                foreach (var row in (await RowsAsync(setup.DatabasePath)).Where(r => r.Status is not ("Confirmed" or "Failed")))
                {
                    output.WriteLine($"unfinished: {row}");
                }
                output.WriteLine(host.Output.Tail());
                throw;
            }
        }

        var final = await RowsAsync(setup.DatabasePath);
        output.WriteLine($"after the restart: {string.Join(", ", final.GroupBy(r => (r.Status, r.ErrorMessage)).Select(g => $"{g.Key} {g.Count()}"))}; {payments.Count} payments sent");
        var confirmed = final.Where(r => r.Status == "Confirmed").ToList();
        Assert.NotEmpty(confirmed);
        Assert.All(final.Where(r => r.Status == "Failed"), r => Assert.False(string.IsNullOrWhiteSpace(r.ErrorMessage), r.ToString()));
        foreach (var payment in payments)
        {
            var transfers = await Chain.UsdcTransfersToAsync(payment.PayTo);
            var row = final.SingleOrDefault(r => string.Equals(r.PayTo, payment.PayTo.ToLowerHex(), StringComparison.Ordinal));
            if (row is { Status: "Confirmed" })
            {
                Assert.Equal(row.TxHash, Assert.Single(transfers).TxHash);
                Assert.Equal(payment.Value, await Chain.BalanceOfUsdcAsync(payment.PayTo));
            }
            else
            {
                Assert.Empty(transfers); // never reserved, or Failed: not paid
            }
        }
        // Every transaction the facilitator's key sent is one confirmed settlement: no second payment, no stray nonce.
        Assert.Equal(nonceBefore + confirmed.Count, await Chain.TransactionCountAsync(facilitator, BlockTag.Latest));
        Assert.Equal(confirmed.Count, confirmed.Select(r => r.SignerNonce).Distinct().Count());
    }

    /// <summary>Starts the app, settles from <see cref="Workers"/> connections, SIGKILLs it once every state is in the database; returns the states the kill left.</summary>
    private async Task<KillStates> RunAndKillAsync(P402AppFactory setup, TestMerchant merchant, ConcurrentBag<TestPayment> payments)
    {
        await using var host = await P402HostProcess.StartAsync(setup.Configuration);
        using var client = host.CreateClient(merchant.ApiKey);
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, Workers).Select(i => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // A pause of its own before each settle, so that requests are at every stage at any moment rather than in step with the watcher.
                await Task.Delay(Random.Shared.Next(0, 2500));
                var payment = NewPayment(Chain, payer: i % 3);
                payments.Add(payment);
                try
                {
                    await SettleAsync(client, payment.V2());
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
                {
                    return; // the host is gone
                }
            }
        })).ToList();
        try
        {
            // Killed mid-stream: once settlements have been confirmed, and others are at every earlier stage.
            await Eventually.UntilAsync(() => StatesAsync(setup.DatabasePath), s => s.All && s.Confirmed >= 20, TimeSpan.FromSeconds(90),
                "Settlements in every state at once");
        }
        catch (TimeoutException)
        {
            // Killed anyway: the states it leaves are what counts.
        }
        await host.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        return await StatesAsync(setup.DatabasePath);
    }

    private async Task<KillStates> StatesAsync(string databasePath)
    {
        var rows = await RowsAsync(databasePath);
        var submitted = rows.Where(r => r.Status == "Submitted").ToList();
        var receipts = await Task.WhenAll(submitted.Select(r => Chain.Rpc.GetTransactionReceiptAsync(r.TxHash!)));
        return new KillStates(rows.Any(r => r.Status == "Pending"), receipts.Any(r => r is null), receipts.Any(r => r is not null))
        {
            Confirmed = rows.Count(r => r.Status == "Confirmed"),
        };
    }

    private static async Task<IReadOnlyList<Row>> RowsAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Status", "TxHash", "PayTo", "SignerNonce", "ErrorMessage" FROM "Settlements" """;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return rows;
    }

    private sealed record Row(string Status, string? TxHash, string PayTo, long? SignerNonce, string? ErrorMessage);

    private sealed record KillStates(bool Pending, bool Sent, bool MinedUnrecorded)
    {
        public int Confirmed { get; init; }

        public bool All => Pending && Sent && MinedUnrecorded;

        public KillStates With(KillStates other) =>
            new(Pending || other.Pending, Sent || other.Sent, MinedUnrecorded || other.MinedUnrecorded);
    }
}
