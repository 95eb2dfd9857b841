using System.Globalization;
using System.Net.Http.Json;
using P402.Core.Chain.Rpc;
using P402.Core.Payments;
using P402.Tests.Infrastructure;

namespace P402.Tests.ScaleOut;

/// <summary>
/// An instance reserves a settlement (Pending, nothing sent) and is SIGKILLed before it sends: the others release the reservation
/// once its heartbeat has expired, never while it lives, and the caller's retry on another instance settles it, once.
/// </summary>
public sealed class ScaleOutDeadReservationTests(TakeoverFixture fixture) : IClassFixture<TakeoverFixture>
{
    [Fact]
    public async Task Settle_ReserverKilledBeforeItSends_ReleasedOnlyAfterItsHeartbeatExpires_AndTheRetryOnAnotherInstanceSettlesItOnce()
    {
        var merchant = await fixture.App.CreateMerchantAsync();
        var reserver = fixture.Instances[0];
        var others = fixture.Instances.Skip(1).Select(i => i.CreateClient(merchant.ApiKey)).ToList();
        var facilitator = fixture.Chain.Chain.Facilitator.Address;
        var nonceBefore = await fixture.Chain.TransactionCountAsync(facilitator, BlockTag.Pending);
        var payment = fixture.Chain.NewPayment();
        // Instance 0 verifies (its simulation gives the gas), reserves, then asks the node for the key's pending nonce as it takes
        // the key (the first send of this instance), which never answers: it is alive, between reserve and send.
        fixture.Proxy.HangMethod = "eth_getTransactionCount";

        using var toReserver = reserver.CreateClient(merchant.ApiKey);
        var lost = toReserver.PostAsJsonAsync("/settle", payment.V2());
        var settlementId = await Eventually.UntilAsync(() => PendingIdAsync(merchant), id => id is not null, TimeSpan.FromSeconds(60), "a Pending settlement on instance 0");
        Assert.StartsWith($"{reserver.ProcessId}-", await ReservedByAsync(settlementId!), StringComparison.Ordinal);

        // Alive, its reservation soon older than a heartbeat's lifetime (8 s): the others look for dead reservations every
        // 2.7 s, and leave this one alone. (A wait for something not to happen: nothing to await.)
        await Task.Delay(TakeoverFixture.HeartbeatLifetime * 1.5);
        Assert.Equal("Pending", await StatusAsync(settlementId!));

        await reserver.KillAsync();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => lost);
        await Eventually.UntilAsync(() => StatusAsync(settlementId!), s => s == "Failed", TimeSpan.FromSeconds(60), "the dead instance's reservation released");
        Assert.Equal(SettlementStore.ReleasedMessage, await ScalarTextAsync(settlementId!, "ErrorMessage"));

        var answer = await ScaleOutSettles.SettleUntilDecidedAsync(others, payment);

        Assert.True(answer.GetProperty("success").GetBoolean(), answer.ToString());
        Assert.Equal(settlementId, answer.GetProperty("settlementId").GetString()); // the same row, reclaimed by the retry
        Assert.Equal("Confirmed", await StatusAsync(settlementId!));
        Assert.Equal(1L, await fixture.Database.ScalarAsync($"""SELECT COUNT(*) FROM "SettlementAttempts" WHERE "SettlementId" = '{settlementId}'"""));
        Assert.Equal(nonceBefore + 1, await fixture.Chain.TransactionCountAsync(facilitator)); // one transaction: settled once
        Assert.DoesNotMatch($"^{reserver.ProcessId}-", await ReservedByAsync(settlementId!));
    }

    private async Task<string?> PendingIdAsync(TestMerchant merchant) =>
        (string?)await fixture.Database.ScalarAsync(
            $"""SELECT "Id" FROM "Settlements" WHERE "MerchantId" = '{merchant.MerchantId}' AND "Status" = 'Pending'""");

    private Task<string> StatusAsync(string settlementId) => ScalarTextAsync(settlementId, "Status");

    private Task<string> ReservedByAsync(string settlementId) => ScalarTextAsync(settlementId, "ReservedBy");

    private async Task<string> ScalarTextAsync(string settlementId, string column) =>
        (string)(await fixture.Database.ScalarAsync(string.Create(CultureInfo.InvariantCulture,
            $"""SELECT "{column}" FROM "Settlements" WHERE "Id" = '{settlementId}'""")))!;
}
