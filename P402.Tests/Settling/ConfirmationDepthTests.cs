using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Payments;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Settling;

/// <summary>
/// <c>Chain:Networks:0:ConfirmationDepth = 3</c> on a chain that mines every second: the settlement is mined, stays Submitted while
/// its block is 1 and 2 deep, and /settle answers success only once two blocks sit on top of it.
/// </summary>
public sealed class ConfirmationDepthTests(BlockTimeChainFixture fixture) : IClassFixture<BlockTimeChainFixture>
{
    private AnvilChainFixture Chain => fixture.Chain;

    [Fact]
    public async Task Settle_DepthThree_AnswersOnlyOnceTheBlockIsThreeDeep()
    {
        await using var app = new P402AppFactory(Chain, settings: new Dictionary<string, string?>
        {
            ["Chain:Networks:0:ConfirmationDepth"] = "3",
            ["Chain:ConfirmationTimeoutSeconds"] = "60",
        });
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var store = app.Services.GetRequiredService<SettlementStore>();
        var payment = NewPayment(Chain, payer: 1);

        var settling = SettleAsync(client, payment.V2());
        // While /settle waits, the row is seen mined (its block recorded) and still Submitted.
        var mined = await Eventually.UntilAsync(() => MinedSettlementAsync(client),
            s => s is not null || settling.IsCompleted, what: "The settlement mined and not yet deep");
        var settled = await settling;
        var hash = AssertSettled(settled);
        var headAtAnswer = (await Chain.HeadAsync()).Number;

        Assert.NotNull(mined);
        Assert.Equal("submitted", mined.Value.GetProperty("status").GetString());
        var receipt = (await Chain.Rpc.GetTransactionReceiptAsync(hash))!;
        Assert.Equal(receipt.BlockNumber, mined.Value.GetProperty("blockNumber").GetInt64());
        Assert.True(headAtAnswer >= receipt.BlockNumber + 2, $"answered at head {headAtAnswer} for a block {receipt.BlockNumber}");
        var row = (await store.FindAsync(settled.GetProperty("settlementId").GetString()!, CancellationToken.None))!;
        Assert.Equal(SettlementStatus.Confirmed, row.Status);
        Assert.Equal(receipt.BlockHash, row.BlockHash);
        Assert.Equal(payment.Value, await Chain.BalanceOfUsdcAsync(payment.PayTo));
    }

    /// <summary>The merchant's one settlement, if its block is recorded yet.</summary>
    private static async Task<JsonElement?> MinedSettlementAsync(HttpClient client)
    {
        var page = await GetJsonAsync(client, "/api/v1/settlements");
        return page.GetProperty("items").EnumerateArray().Select(s => (JsonElement?)s)
            .FirstOrDefault(s => s!.Value.TryGetProperty("blockNumber", out var block) && block.ValueKind == JsonValueKind.Number);
    }
}
