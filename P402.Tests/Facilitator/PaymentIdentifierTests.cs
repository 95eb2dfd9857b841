using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using P402.Core.Chain.Rpc;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Facilitator;

/// <summary>
/// x402's payment-identifier on /verify and /settle: the same id with the same payment gets the same answer
/// (success included) and one transaction; the same id with another payment is a 409; a malformed id a 400;
/// ids are the merchant's own.
/// </summary>
public sealed class PaymentIdentifierTests(AnvilChainFixture chain, SharedApp shared) : IClassFixture<AnvilChainFixture>, IClassFixture<SharedApp>, IAsyncLifetime
{
    private P402AppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = shared.For(chain);
        _client = _app.ClientFor(await _app.CreateMerchantAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public async Task Settle_SameIdSamePaymentTwice_IdenticalSuccessAndOneTransaction(int version)
    {
        var payment = NewPayment(chain, payer: version) with { PaymentId = PaymentIds.New() };
        var body = version == 1 ? payment.V1() : payment.V2();
        var nonceBefore = await FacilitatorNonceAsync();

        var first = await SettleAsync(_client, body);
        var again = await SettleAsync(_client, body);

        var hash = AssertSettled(first);
        Assert.Equal(hash, AssertSettled(again));
        Assert.Equal(WithoutRequestId(first), WithoutRequestId(again));
        Assert.NotEqual(first.GetProperty("requestId").GetString(), again.GetProperty("requestId").GetString());
        Assert.Equal(nonceBefore + 1, await FacilitatorNonceAsync());
        Assert.Equal(payment.Value, await chain.BalanceOfUsdcAsync(payment.PayTo));

        // Without the id, the same payment is a duplicate like any other.
        var plain = payment with { PaymentId = null };
        AssertReplayOf(await SettleAsync(_client, version == 1 ? plain.V1() : plain.V2()), hash);
    }

    [Fact]
    public async Task Settle_SameIdConcurrently_AllAnswerTheOneSuccess()
    {
        var payment = NewPayment(chain) with { PaymentId = PaymentIds.New() };
        var nonceBefore = await FacilitatorNonceAsync();
        using var start = new SemaphoreSlim(0);
        var settles = Enumerable.Range(0, 5).Select(async _ =>
        {
            await start.WaitAsync();
            return await SettleAsync(_client, payment.V2());
        }).ToList();
        start.Release(5);
        var answers = await Task.WhenAll(settles);

        Assert.Single(answers.Select(AssertSettled).Distinct());
        Assert.Single(answers.Select(WithoutRequestId).Distinct());
        Assert.Equal(nonceBefore + 1, await FacilitatorNonceAsync());
    }

    [Fact]
    public async Task Verify_SameIdAfterTheSettle_ValidAgainWhileWithoutTheIdItIsAReplay()
    {
        var payment = NewPayment(chain) with { PaymentId = PaymentIds.New() };
        var verified = await VerifyAsync(_client, payment.V2());
        AssertValid(verified, payment);
        AssertSettled(await SettleAsync(_client, payment.V2()));

        var again = await VerifyAsync(_client, payment.V2());
        AssertValid(again, payment);
        Assert.Equal(WithoutRequestId(verified), WithoutRequestId(again));
        AssertInvalid(await VerifyAsync(_client, (payment with { PaymentId = null }).V2()), "REPLAY_DETECTED", "invalid_exact_evm_nonce_already_used");
    }

    [Theory]
    [InlineData("/settle")]
    [InlineData("/verify")]
    public async Task SameIdOtherPayment_409ProblemWithRequestIdAndNothingMoves(string path)
    {
        var id = PaymentIds.New();
        var first = NewPayment(chain) with { PaymentId = id };
        AssertSettled(await SettleAsync(_client, first.V2()));
        var other = NewPayment(chain, payer: 1) with { PaymentId = id };
        var nonceBefore = await FacilitatorNonceAsync();

        using var response = await PostRawAsync(_client, path, other.V2());

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains(id, problem.GetProperty("detail").GetString());
        Assert.Equal(nonceBefore, await FacilitatorNonceAsync());
        Assert.Equal(0, await chain.BalanceOfUsdcAsync(other.PayTo));
    }

    [Theory]
    [InlineData("\"pay_short\"")]
    [InlineData("\"pay_with spaces_0123456789\"")]
    [InlineData("\"pay_ünïcode_0123456789abc\"")]
    [InlineData("12345678901234567890")]
    [InlineData("\"pay_0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123x\"")] // 129
    public async Task Settle_MalformedId_400BeforeAnythingMoves(string idJson)
    {
        var payment = NewPayment(chain);
        var body = payment.V2();
        body["paymentPayload"]!["extensions"] = JsonNode.Parse("""{"payment-identifier":{"info":{"required":false,"id":""" + idJson + "}}}");
        var nonceBefore = await FacilitatorNonceAsync();

        using var response = await PostRawAsync(_client, "/settle", body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("payment-identifier", problem.GetProperty("detail").GetString());
        Assert.Equal("INVALID_PAYLOAD", problem.GetProperty("reason").GetString());
        Assert.Equal(nonceBefore, await FacilitatorNonceAsync());
    }

    [Fact]
    public async Task Settle_IdOfAnotherMerchant_DoesNotSeeItsAnswer()
    {
        var id = PaymentIds.New();
        var payment = NewPayment(chain) with { PaymentId = id };
        var hash = AssertSettled(await SettleAsync(_client, payment.V2()));
        var other = _app.ClientFor(await _app.CreateMerchantAsync("Other merchant"));

        // The other merchant's own payment under the same id is a new payment there, not a conflict and not the first one's answer.
        var own = NewPayment(chain, payer: 2) with { PaymentId = id };
        var ownAnswer = await SettleAsync(other, own.V2());
        Assert.NotEqual(hash, AssertSettled(ownAnswer));
        Assert.Equal(own.Value, await chain.BalanceOfUsdcAsync(own.PayTo));

        // And the first merchant's payment, sent to the other merchant with an id of its own, is somebody else's: a replay that names nothing.
        var foreign = await SettleAsync(other, (payment with { PaymentId = PaymentIds.New() }).V2());
        Assert.False(foreign.GetProperty("success").GetBoolean(), foreign.ToString());
        Assert.Equal("REPLAY_DETECTED", foreign.GetProperty("reason").GetString());
        Assert.DoesNotContain(hash, foreign.ToString());
        Assert.False(foreign.TryGetProperty("settlementId", out _));
    }

    private Task<long> FacilitatorNonceAsync() => chain.TransactionCountAsync(chain.Chain.Facilitator.Address, BlockTag.Pending);

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string path, JsonNode body) =>
        client.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    private static string WithoutRequestId(JsonElement answer)
    {
        var copy = JsonNode.Parse(answer.GetRawText())!.AsObject();
        copy.Remove("requestId");
        return copy.ToJsonString();
    }
}
