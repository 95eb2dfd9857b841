using System.Globalization;
using System.Net.Http.Json;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;

namespace P402.Tests.ScaleOut;

/// <summary>The instance holding the one signer key's lease dies mid-settlement; the others take the key over and finish its work.</summary>
public sealed class ScaleOutTakeoverTests(TakeoverFixture fixture) : IClassFixture<TakeoverFixture>
{
    [Fact]
    public async Task Settle_LeaseHolderKilledWithSignedTransactionsTheNodeNeverGot_AnotherInstanceTakesTheKeyAndFinishesThem()
    {
        var merchant = await fixture.App.CreateMerchantAsync();
        var holder = fixture.Instances[0];
        var others = fixture.Instances.Skip(1).Select(i => i.CreateClient(merchant.ApiKey)).ToList();
        var facilitator = fixture.Chain.Chain.Facilitator.Address;
        var nonceBefore = await fixture.Chain.TransactionCountAsync(facilitator, BlockTag.Pending);
        var interrupted = Enumerable.Range(0, 12).Select(i => fixture.Chain.NewPayment(payer: i % 3)).ToList();
        fixture.Proxy.HangMethod = "eth_sendRawTransaction"; // instance 0 signs and stores, and its broadcasts never reach the node

        using var toHolder = holder.CreateClient(merchant.ApiKey);
        var lost = interrupted.Select(p => toHolder.PostAsJsonAsync("/settle", p.V2())).ToList();
        await Eventually.UntilAsync(() => CountAsync(merchant, "Submitted"), n => n == 12, TimeSpan.FromSeconds(60), "12 Submitted settlements on instance 0");
        var storedHashes = await HashesAsync(merchant);
        var lease = await fixture.Database.ScalarAsync("""SELECT "Holder" FROM "SignerLeases" """);
        Assert.StartsWith($"{holder.ProcessId}-", (string)lease!, StringComparison.Ordinal); // the killed instance holds the key
        var epochAtKill = (long)(await fixture.Database.ScalarAsync("""SELECT "Epoch" FROM "SignerLeases" """))!;

        await holder.KillAsync();
        foreach (var request in lost)
        {
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => request);
        }
        var fresh = Enumerable.Range(0, 8).Select(i => fixture.Chain.NewPayment(payer: i % 3)).ToList();
        var answers = await Task.WhenAll(interrupted.Concat(fresh).Select(p => ScaleOutSettles.SettleUntilDecidedAsync(others, p)));

        Assert.All(answers, a => Assert.True(a.GetProperty("success").GetBoolean(), a.ToString()));
        // The interrupted ones went out as instance 0 signed them: the same transactions, not new ones.
        Assert.Equal(storedHashes.Order(), answers.Take(12).Select(a => a.GetProperty("transaction").GetString()!).Order());
        Assert.Equal(20L, await CountAsync(merchant, "Confirmed"));
        Assert.Equal(20L, await fixture.Database.ScalarAsync(
            $"""SELECT COUNT(DISTINCT "SignerNonce") FROM "Settlements" WHERE "MerchantId" = '{merchant.MerchantId}'"""));
        Assert.Equal(nonceBefore + 20, await fixture.Chain.TransactionCountAsync(facilitator)); // no nonce used twice, none skipped
        // Taken over (by a survivor's sender or watcher, or the in-process instance's watcher): a later epoch, another holder.
        Assert.True((long)(await fixture.Database.ScalarAsync("""SELECT "Epoch" FROM "SignerLeases" """))! > epochAtKill);
        Assert.DoesNotMatch($"^{holder.ProcessId}-", (string)(await fixture.Database.ScalarAsync("""SELECT "Holder" FROM "SignerLeases" """))!);
    }

    private async Task<long> CountAsync(TestMerchant merchant, string status) =>
        (long)(await fixture.Database.ScalarAsync(
            $"""SELECT COUNT(*) FROM "Settlements" WHERE "MerchantId" = '{merchant.MerchantId}' AND "Status" = '{status}'"""))!;

    private async Task<List<string>> HashesAsync(TestMerchant merchant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"""SELECT "TxHash" FROM "Settlements" WHERE "MerchantId" = '{merchant.MerchantId}' AND "Status" = 'Submitted'""");
        await using var reader = await command.ExecuteReaderAsync();
        var hashes = new List<string>();
        while (await reader.ReadAsync())
        {
            hashes.Add(reader.GetString(0));
        }
        return hashes;
    }
}
