namespace P402.Tests.EndToEnd;

/// <summary>The SDK refuses before signing: a price above maxAmount, and 402 answers it cannot read.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SdkRefusalTests(EndToEndFixture e2e)
{
    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public async Task P402Fetch_PriceAboveMaxAmount_FailsWithAmountExceededAndSignsNothing(int x402Version)
    {
        var payer = e2e.Chain.Chain.Payers[2];
        var payerBefore = await e2e.Chain.BalanceOfUsdcAsync(payer.Address);
        var payToBefore = await e2e.Chain.BalanceOfUsdcAsync(EndToEndFixture.DemoPayTo);
        var settlementsBefore = await e2e.SettlementCountAsync(e2e.Demo.ApiKey);

        var line = Assert.Single(await NodePayer.PayAsync(e2e.DemoUrl("Faro"), payer.PrivateKey, maxAmount: 9_999, x402Version: x402Version));

        Assert.True(line.ErrorCode == "AMOUNT_EXCEEDED", line.ToString());
        var error = line.Error!.Value;
        Assert.Equal("P402AmountExceededError", error.GetProperty("name").GetString());
        Assert.Equal("10000", error.GetProperty("amount").GetString());
        Assert.Equal("9999", error.GetProperty("maxAmount").GetString());
        Assert.Contains("nothing was signed", error.GetProperty("message").GetString());
        Assert.Equal(0, line.Signatures);
        Assert.Empty(line.Payments);
        var only = Assert.Single(line.Exchanges);
        Assert.Equal(402, only.Status);
        Assert.Equal(payerBefore, await e2e.Chain.BalanceOfUsdcAsync(payer.Address));
        Assert.Equal(payToBefore, await e2e.Chain.BalanceOfUsdcAsync(EndToEndFixture.DemoPayTo));
        Assert.Equal(settlementsBefore, await e2e.SettlementCountAsync(e2e.Demo.ApiKey));
    }

    [Theory]
    [InlineData("not-base64", "PAYMENT-REQUIRED header")]
    [InlineData("not-json", "PAYMENT-REQUIRED header")]
    [InlineData("no-accepts", "accepts")]
    [InlineData("wrong-version", "x402Version")]
    [InlineData("no-signal", "neither")]
    public async Task P402Fetch_Malformed402_FailsWithInvalidRequirementsAndSignsNothing(string kind, string explains)
    {
        var payer = e2e.Chain.Chain.Payers[2];

        var line = Assert.Single(await NodePayer.PayAsync(e2e.MiddlewareApp.Url($"broken/{kind}"), payer.PrivateKey));

        Assert.True(line.ErrorCode == "INVALID_REQUIREMENTS", line.ToString());
        Assert.Equal("P402InvalidRequirementsError", line.Error!.Value.GetProperty("name").GetString());
        Assert.Contains(explains, line.Error!.Value.GetProperty("message").GetString());
        Assert.Equal(0, line.Signatures);
        Assert.Single(line.Exchanges);
    }
}
