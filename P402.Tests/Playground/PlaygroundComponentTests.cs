using Bunit;
using P402.Core.Chain.DevChain;
using P402.Core.Payments;
using P402.Core.Receipts;
using P402.Dashboard.Components.Pages.Playground.Components;
using P402.Dashboard.Demo;
using P402.Merchant;
using P402.Tests.Dashboard;

namespace P402.Tests.Playground;

/// <summary>The playground's pieces rendered with bUnit: the timeline tells the x402 story; the payer picker chooses.</summary>
public sealed class PlaygroundComponentTests : DashboardTestContext
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Tx = "0x7f0b6d7fa3c6dbd1b0e1a0a4e0d7a7b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7";

    [Fact]
    public void Timeline_NoSteps_ShowsTheEmptyState()
    {
        var timeline = Render<PaymentTimeline>(p => p.Add(t => t.Steps, []));

        Assert.Contains("Pick a payer and press Pay", timeline.Find("[data-testid=timeline-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_SuccessfulPayment_ShowsRequiredSignedPaidSettledAndReceiptInOrder()
    {
        var steps = PlaygroundSteps.ForPayment(Payment(), Settlement(), Receipt(ReceiptState.Active, 0), At).ToList();

        var timeline = Render<PaymentTimeline>(p => p.Add(t => t.Steps, steps));

        var kinds = timeline.FindAll("[data-testid^=step-]").Select(e => e.GetAttribute("data-testid")).ToList();
        Assert.Equal(["step-payment-required", "step-signed", "step-paid", "step-settled", "step-receipt"], kinds);
        Assert.Equal("$0.01 USDC", timeline.Find("[data-testid=step-payment-required] [data-testid=field-price]").TextContent);
        Assert.Equal(Tx, timeline.Find("[data-testid=step-settled] [data-testid=field-transaction]").TextContent);
        Assert.Equal("1,234", timeline.Find("[data-testid=step-settled] [data-testid=field-block]").TextContent);
        Assert.Equal("rcpt_01JPLAYGROUND0000000000000", timeline.Find("[data-testid=step-receipt] [data-testid=field-receipt]").TextContent);
        Assert.Contains("\"city\": \"Lisbon\"", timeline.Find("[data-testid=step-paid] pre").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_RefusedPayment_StopsAfterThePaidStepWithTheReason()
    {
        var refused = Payment() with { PaidStatus = 402, Settlement = null, Refusal = "invalid_exact_evm_insufficient_balance", ReceiptId = null, Body = "{}" };

        var timeline = Render<PaymentTimeline>(p => p.Add(t => t.Steps, PlaygroundSteps.ForPayment(refused, null, null, At).ToList()));

        Assert.Equal(3, timeline.FindAll("[data-testid^=step-]").Count);
        Assert.Contains("invalid_exact_evm_insufficient_balance", timeline.Find("[data-testid=step-paid]").TextContent, StringComparison.Ordinal);
        Assert.Empty(timeline.FindAll("[data-testid=step-settled]"));
    }

    [Fact]
    public void Timeline_NoPaymentAsked_ShowsOneFailedStep()
    {
        var free = new PlaygroundPayment { Resource = new Uri("http://127.0.0.1:5000/demo/weather?city=Lisbon"), FirstStatus = 503, Failure = "Expected 402 Payment Required, got 503." };

        var timeline = Render<PaymentTimeline>(p => p.Add(t => t.Steps, PlaygroundSteps.ForPayment(free, null, null, At).ToList()));

        var step = Assert.Single(timeline.FindAll("[data-testid^=step-]"));
        Assert.Equal("step-failed", step.GetAttribute("data-testid"));
        Assert.Contains("got 503", step.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_ReuseThenRevokeThenRefusal_ShowsTheCountAndTheReason()
    {
        var id = "rcpt_01JPLAYGROUND0000000000000";
        var steps = new List<PlaygroundStep>
        {
            PlaygroundSteps.ForReuse(new PlaygroundReuse(id, 200, "{\"city\":\"Lisbon\"}", null), Receipt(ReceiptState.Active, 1), At),
            PlaygroundSteps.ForRevoke(Receipt(ReceiptState.Revoked, 1), "owner@example.com", At),
            PlaygroundSteps.ForReuse(new PlaygroundReuse(id, 402, "{}", "RECEIPT_REVOKED"), Receipt(ReceiptState.Revoked, 1), At),
        };

        var timeline = Render<PaymentTimeline>(p => p.Add(t => t.Steps, steps));

        Assert.Equal("1", timeline.Find("[data-testid=step-reused] [data-testid=field-reuse-count]").TextContent);
        Assert.Equal("owner@example.com", timeline.Find("[data-testid=step-revoked] [data-testid=field-revoked-by]").TextContent);
        Assert.Contains("Receipt refused: RECEIPT_REVOKED", timeline.Find("[data-testid=step-refused]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void PayerPicker_Balances_ShowsEachPayerAndReportsTheChoice()
    {
        var chosen = 0;
        var balances = DevAccounts.Payers.ToDictionary(p => p.Index, p => 1_000_000_000_000L - p.Index * 10_000);

        var picker = Render<PayerPicker>(p => p
            .Add(x => x.Payers, DevAccounts.Payers)
            .Add(x => x.Balances, balances)
            .Add(x => x.Selected, 1)
            .Add(x => x.SelectedChanged, index => chosen = index));

        Assert.Equal("$999,999.98 USDC", picker.Find("[data-testid=payer-balance-2]").TextContent);
        Assert.Contains(DevAccounts.Payers[2].Address.ToString(), picker.Find("[data-testid=payer-3]").TextContent, StringComparison.Ordinal);
        picker.Find("[data-testid=payer-3] input[type=radio]").Click();
        Assert.Equal(3, chosen);
    }

    private static PlaygroundPayment Payment()
    {
        var accepted = new PaymentRequirements
        {
            Scheme = "exact", Network = "eip155:8453", Amount = "10000", PayTo = DemoOptions.DefaultPayTo,
            Asset = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", MaxTimeoutSeconds = 60, Extra = new PaymentExtra("USD Coin", "2"),
        };
        var payer = P402.Core.Chain.Ethereum.EthKey.Parse(DevAccounts.Payers[0].PrivateKey);
        return new PlaygroundPayment
        {
            Resource = new Uri("http://127.0.0.1:5000/demo/weather?city=Lisbon"),
            FirstStatus = 402,
            Required = new PaymentRequired { X402Version = 2, Accepts = [accepted] },
            Accepted = accepted,
            Signed = ExactEvmSigner.Sign(accepted, payer, At),
            PaidStatus = 200,
            Body = "{\"city\":\"Lisbon\",\"days\":[]}",
            Settlement = new PaymentResponse { Success = true, Transaction = Tx, Network = "eip155:8453" },
            ReceiptId = "rcpt_01JPLAYGROUND0000000000000",
        };
    }

    private static SettlementView Settlement() => new("stl_1", SettlementStatus.Confirmed, "eip155:8453", "0x833589fcd6edb6e08f4c7c32d4f71b54bda02913",
        "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", DemoOptions.DefaultPayTo.ToLowerInvariant(), 10_000, "0x11", null, Tx, 1234, 52_000, 1_000_000_000,
        "req_1", null, null, null, At.UtcDateTime, At.UtcDateTime);

    private static ReceiptView Receipt(ReceiptState state, long reuses) => new("rcpt_01JPLAYGROUND0000000000000", "stl_1",
        "http://127.0.0.1:5000/demo/weather?city=Lisbon", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", reuses, At.UtcDateTime,
        At.UtcDateTime.AddMinutes(10), state == ReceiptState.Revoked ? At.UtcDateTime : null, state == ReceiptState.Revoked ? "user:u1" : null, state);
}
