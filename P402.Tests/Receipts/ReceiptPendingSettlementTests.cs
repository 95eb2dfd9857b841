using System.Net;
using System.Text.Json.Nodes;
using P402.Tests.Infrastructure;
using static P402.Tests.Receipts.ReceiptApi;

namespace P402.Tests.Receipts;

/// <summary>A settlement still waiting for its block cannot be receipted; once confirmed, it can.</summary>
public sealed class ReceiptPendingSettlementTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>
{
    [Fact]
    public async Task Issue_SettlementNotYetMined_400NotConfirmedThenCreatedOnceConfirmed()
    {
        await using var app = new P402AppFactory(chain, settings: new Dictionary<string, string?> { ["Chain:ConfirmationTimeoutSeconds"] = "1" });
        var client = app.ClientFor(await app.CreateMerchantAsync());
        var payment = chain.NewPayment();
        await chain.SetAutomineAsync(false);
        try
        {
            var pending = await client.SettleAsync(payment, new JsonObject { ["receipt"] = new JsonObject { ["ttlSeconds"] = 60 } });
            Assert.False(pending.GetProperty("success").GetBoolean(), pending.ToString());
            Assert.Equal("SETTLEMENT_PENDING", pending.GetProperty("reason").GetString());
            Assert.False(pending.TryGetProperty("receipt", out _));
            var settlementId = pending.GetProperty("settlementId").GetString();

            var response = await client.PostAsync("/api/v1/receipts", new StringContent(
                new JsonObject { ["settlementId"] = settlementId }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal("SETTLEMENT_NOT_CONFIRMED", problem.GetProperty("reason").GetString());

            await chain.MineAsync();
            var confirmed = await client.SettleAsync(payment);
            Assert.True(confirmed.GetProperty("success").GetBoolean(), confirmed.ToString());
            var (status, receipt) = await IssueAsync(client, new JsonObject { ["settlementId"] = settlementId });
            Assert.Equal(HttpStatusCode.Created, status);
            Assert.Equal(settlementId, receipt.GetProperty("settlementId").GetString());
        }
        finally
        {
            await chain.SetAutomineAsync(true);
        }
    }
}
