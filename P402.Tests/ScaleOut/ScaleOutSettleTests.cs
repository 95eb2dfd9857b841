using P402.Tests.Infrastructure;
using Xunit.Abstractions;

namespace P402.Tests.ScaleOut;

/// <summary>Three P402 processes, one PostgreSQL database, one anvil and ONE signer key that they share through its lease.</summary>
public sealed class ScaleOutSettleTests(ScaleOutFixture fixture, ITestOutputHelper output) : IClassFixture<ScaleOutFixture>
{
    /// <summary>What each instance logged about the key's lease and its nonces: why a settlement was signed again, if one was.</summary>
    private static readonly string[] LeaseEvents =
        ["Took the lease on signer key", "Lost the lease", "no longer provably valid", "nonce too low", "left by the lease's previous holder", "the watcher re-broadcasts it"];

    [Fact]
    public async Task Settle_ThousandCallsOfThreeHundredAuthorizationsOnRandomInstancesWithOneSharedKey_ExactlyThreeHundredTransactionsAndSuccesses()
    {
        var merchant = await fixture.App.CreateMerchantAsync();
        var clients = fixture.Instances.Select(i => i.CreateClient(merchant.ApiKey)).ToArray();
        var facilitator = fixture.Chain.Chain.Facilitator.Address;
        var nonceBefore = await fixture.Chain.TransactionCountAsync(facilitator);
        var payments = Enumerable.Range(0, 300).Select(i => fixture.Chain.NewPayment(payer: i % 3)).ToList();
        var calls = payments.Concat(Enumerable.Range(0, 700).Select(_ => payments[Random.Shared.Next(payments.Count)])).OrderBy(_ => Random.Shared.Next()).ToList();
        using var gate = new SemaphoreSlim(64);

        var answers = await Task.WhenAll(calls.Select(async payment =>
        {
            await gate.WaitAsync();
            try
            {
                return await ScaleOutSettles.SettleUntilDecidedAsync(clients, payment);
            }
            finally
            {
                gate.Release();
            }
        }));

        for (var i = 0; i < fixture.Instances.Count; i++)
        {
            foreach (var line in fixture.Instances[i].Output.Lines.Where(l => LeaseEvents.Any(e => l.Contains(e, StringComparison.Ordinal))))
            {
                output.WriteLine($"instance {i}: {line}");
            }
        }
        var successes = answers.Where(a => a.GetProperty("success").GetBoolean()).ToList();
        Assert.True(successes.Count == 300, $"{successes.Count} successes; unexpected answers: "
            + string.Join("; ", answers.Where(a => !a.GetProperty("success").GetBoolean() && a.GetProperty("reason").GetString() != "REPLAY_DETECTED").Take(5)));
        Assert.Equal(300, successes.Select(a => a.GetProperty("transaction").GetString()).Distinct().Count());
        Assert.All(answers.Where(a => !a.GetProperty("success").GetBoolean()), a => Assert.Equal("REPLAY_DETECTED", a.GetProperty("reason").GetString()));
        Assert.Equal(300L, await fixture.Database.ScalarAsync(
            $"""SELECT COUNT(*) FROM "Settlements" WHERE "MerchantId" = '{merchant.MerchantId}' AND "Status" = 'Confirmed'"""));
        Assert.Equal(0L, await fixture.Database.ScalarAsync(
            $"""SELECT COUNT(*) FROM "Settlements" WHERE "MerchantId" = '{merchant.MerchantId}' AND "Status" <> 'Confirmed'"""));
        Assert.Equal(nonceBefore + 300, await fixture.Chain.TransactionCountAsync(facilitator)); // 300 transactions on-chain: no nonce spent twice or wasted
        var signedOn = fixture.Instances.Count(i => i.Output.Lines.Any(l => l.Contains("Took the lease on signer key", StringComparison.Ordinal)));
        Assert.True(signedOn >= 2, $"the key's lease was taken by {signedOn} of the 3 instances");
    }
}
