using P402.Dashboard.Components.Pages.Settlements;

namespace P402.Tests.Dashboard;

public sealed class SettlementExportTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("@cmd", "'@cmd")]
    public void Cell_Value_IsQuotedAndDefused(string? value, string expected) =>
        Assert.Equal(expected, SettlementExportEndpoint.Cell(value));

    [Fact]
    public void ExportUrl_RoundTripsTheFilterThroughTheQueryString()
    {
        var filter = new P402.Core.Payments.SettlementFilter(
            P402.Core.Payments.SettlementStatus.Confirmed, "0xabc", new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc), "req_1");

        var url = SettlementFilterQuery.ExportUrl(filter);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + url).Query);
        var parsed = SettlementFilterQuery.Parse(new Microsoft.AspNetCore.Http.QueryCollection(query));

        Assert.StartsWith("/dashboard/settlements.csv?", url, StringComparison.Ordinal);
        Assert.Equal(filter, parsed);
        Assert.Equal(DateTimeKind.Utc, parsed.From!.Value.Kind);
    }
}
