using P402.Core.Merchants;

namespace P402.Tests.Merchants;

/// <summary>The dashboard's reading of typed settings: any text gives settings or a message, never an exception.</summary>
public sealed class SettingsTextTests
{
    [Theory]
    [InlineData("50", 50_000_000_000L)]
    [InlineData(" 12.5 ", 12_500_000_000L)]
    [InlineData("0.000000001", 1L)]
    [InlineData("1,000", 1_000_000_000_000L)]
    [InlineData("-0.5", -500_000_000L)]
    [InlineData("79228162514264337593543950335", long.MaxValue)]
    [InlineData("100000000000000000000", long.MaxValue)]
    [InlineData("-100000000000000000000", long.MinValue)]
    public void GweiToWei_Numbers_WholeWeiOrSaturated(string text, long wei) => Assert.Equal(wei, SettingsText.GweiToWei(text));

    [Theory]
    [InlineData("")]
    [InlineData("fifty")]
    [InlineData("1e20")]
    [InlineData("12.5.1")]
    [InlineData("12.x")]
    public void GweiToWei_NotANumber_Null(string text) => Assert.Null(SettingsText.GweiToWei(text));

    [Fact]
    public void Read_HugeGasPrice_TheSameMessageTheApiGives()
    {
        var errors = (SettingsText.From(new MerchantSettings()) with { GasPriceLimitGwei = "100000000000000000000" }).Read(out var settings);

        var api = SettingsValidation.Validate(settings);
        Assert.Equal(api[nameof(MerchantSettings.GasPriceLimitWei)], errors[nameof(MerchantSettings.GasPriceLimitWei)]);
        Assert.Single(errors);
    }

    [Fact]
    public void Read_UnreadableMaximum_OnlyThatFieldIsWrong()
    {
        var errors = (SettingsText.From(new MerchantSettings()) with { MaxReceiptTtlSeconds = "a day" }).Read(out _);

        Assert.Equal(["MaxReceiptTtlSeconds"], errors.Keys);
    }

    [Fact]
    public void Read_StandardSettings_RoundTripsWithoutErrors()
    {
        var errors = SettingsText.From(new MerchantSettings { GasPriceLimitWei = 12_345_678_901 }).Read(out var settings);

        Assert.Empty(errors);
        Assert.Equal(12_345_678_901, settings.GasPriceLimitWei);
    }
}
