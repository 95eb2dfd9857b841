using Bunit;
using P402.Core.Merchants;
using P402.Dashboard.Components.Pages.Settings;

namespace P402.Tests.Dashboard;

public sealed class SettingsPageTests : DashboardTestContext
{
    [Fact]
    public async Task Load_DefaultSettings_ShowsTheGasLimitInGwei()
    {
        await SignInNewMerchantAsync(MerchantRole.Owner);
        var host = RenderPage<Settings>();

        var gas = host.WaitForElement("input[data-testid=gas-price-limit]");
        Assert.Equal("50", gas.GetAttribute("value"));
        Assert.Equal("150000", host.Find("input[data-testid=max-gas]").GetAttribute("value"));
        Assert.Contains("Real USDC&#x27;s transferWithAuthorization needs about 85,700 gas, 102,800 to a payTo that has never held USDC",
            host.Markup.Replace("'", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_InvalidValues_ShowsTheValidationMessagesAndDisablesSave()
    {
        await SignInNewMerchantAsync(MerchantRole.Owner);
        var host = RenderPage<Settings>();

        host.WaitForElement("input[data-testid=max-gas]").Change("1000");
        host.Find("input[data-testid=default-ttl]").Change("999999999");

        host.WaitForAssertion(() =>
        {
            Assert.Contains("Gas per settlement must be between 60,000 and 1,000,000.", host.Markup, StringComparison.Ordinal);
            Assert.Contains("The default receipt TTL must be at least 1 second and not above the maximum.", host.Markup, StringComparison.Ordinal);
        });
        Assert.True(host.Find("button[data-testid=save-settings]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Save_ValidValues_StoresWeiAndTheRest()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Owner);
        var host = RenderPage<Settings>();

        host.WaitForElement("input[data-testid=gas-price-limit]").Change("12.5");
        host.Find("input[data-testid=max-gas]").Change("90000");
        host.Find("input[data-testid=default-ttl]").Change("600");
        host.Find("input[data-testid=max-ttl]").Change("86400");
        host.Find("button[data-testid=save-settings]").Click();

        await host.WaitForAssertionAsync(async () =>
        {
            var saved = await Get<MerchantService>().GetSettingsAsync(merchantId, CancellationToken.None);
            Assert.Equal(12_500_000_000, saved.GasPriceLimitWei);
            Assert.Equal(90_000, saved.MaxGasPerSettlement);
            Assert.Equal(600, saved.DefaultReceiptTtlSeconds);
            Assert.Equal(86_400, saved.MaxReceiptTtlSeconds);
        });
    }

    [Fact]
    public async Task Edit_GasPriceBeyondDecimalRange_ShowsTheLimitInsteadOfCrashing()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Owner);
        var host = RenderPage<Settings>();

        // 1e20 gwei: gwei × 1e9 does not fit a decimal, which is what crashed the circuit.
        host.WaitForElement("input[data-testid=gas-price-limit]").Change("100000000000000000000");

        host.WaitForAssertion(() => Assert.Contains("The gas price limit must be above 0 and at most 10,000 gwei.", host.Markup, StringComparison.Ordinal));
        Assert.Equal("100000000000000000000", host.Find("input[data-testid=gas-price-limit]").GetAttribute("value"));
        Assert.True(host.Find("button[data-testid=save-settings]").HasAttribute("disabled"));
        var saved = await Get<MerchantService>().GetSettingsAsync(merchantId, CancellationToken.None);
        Assert.Equal(MerchantSettings.StandardGasPriceLimitWei, saved.GasPriceLimitWei);
    }

    [Theory]
    [InlineData("gas-price-limit", "fifty", "Enter the gas price limit in gwei as a number, e.g. 50 or 12.5.")]
    [InlineData("max-gas", "12k", "Enter the gas per settlement as a whole number, e.g. 150000.")]
    [InlineData("default-ttl", "1h", "Enter the default receipt TTL as a whole number of seconds, e.g. 3600.")]
    [InlineData("max-ttl", "1.5", "Enter the maximum receipt TTL as a whole number of seconds, e.g. 86400.")]
    public async Task Edit_LettersInANumberField_KeepsThemAndSaysWhatIsWrong(string field, string typed, string message)
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Owner);
        var host = RenderPage<Settings>();

        host.WaitForElement($"input[data-testid={field}]").Change(typed);

        host.WaitForAssertion(() => Assert.Contains(message, host.Markup, StringComparison.Ordinal));
        Assert.Equal(typed, host.Find($"input[data-testid={field}]").GetAttribute("value"));
        Assert.True(host.Find("button[data-testid=save-settings]").HasAttribute("disabled"));
        var page = host.FindComponent<Settings>();
        await page.InvokeAsync(() => page.Instance.SaveAsync());
        Assert.DoesNotContain("Settings saved.", host.Markup, StringComparison.Ordinal);
        var saved = await Get<MerchantService>().GetSettingsAsync(merchantId, CancellationToken.None);
        Assert.Equal(MerchantSettings.StandardMaxGasPerSettlement, saved.MaxGasPerSettlement);
        Assert.Equal(MerchantSettings.StandardReceiptTtlSeconds, saved.DefaultReceiptTtlSeconds);
    }

    [Theory]
    [InlineData(MerchantRole.Developer)]
    [InlineData(MerchantRole.Viewer)]
    public async Task NonOwner_SeesReadOnlySettings_AndTheServerRefusesASave(MerchantRole role)
    {
        var merchantId = await SignInNewMerchantAsync(role);
        var host = RenderPage<Settings>();
        host.WaitForElement("[data-testid=settings-readonly]");
        Assert.Empty(host.FindAll("[data-testid=save-settings]"));
        Assert.True(host.Find("input[data-testid=gas-price-limit]").HasAttribute("readonly"));

        var page = host.FindComponent<Settings>();
        await page.InvokeAsync(() => page.Instance.SaveAsync());

        host.WaitForAssertion(() => Assert.Contains("Only owners can change settings.", host.Markup, StringComparison.Ordinal));
        var saved = await Get<MerchantService>().GetSettingsAsync(merchantId, CancellationToken.None);
        Assert.Equal(MerchantSettings.StandardGasPriceLimitWei, saved.GasPriceLimitWei);
    }
}
