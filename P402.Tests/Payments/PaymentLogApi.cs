using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.PaymentLogs;
using P402.Tests.Infrastructure;
using static P402.Tests.Facilitator.FacilitatorHttp;

namespace P402.Tests.Payments;

/// <summary>Reads the payment log over the REST API once every answer so far has been written.</summary>
internal static class PaymentLogApi
{
    /// <summary>Waits for the log's queue to be written (event-driven: the writer's flush), then GETs the page.</summary>
    public static async Task<JsonElement> ListAsync(P402AppFactory app, HttpClient client, string query = "")
    {
        await app.Services.GetRequiredService<PaymentLogWriter>().FlushAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return await GetJsonAsync(client, "/api/v1/payments" + (query.Length > 0 ? "?" + query : ""));
    }

    public static async Task<JsonElement> SingleAsync(P402AppFactory app, HttpClient client, string requestId)
    {
        var page = await ListAsync(app, client, "requestId=" + Uri.EscapeDataString(requestId));
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        return page.GetProperty("items")[0];
    }

    public static List<string> RequestIds(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("requestId").GetString()!)];
}
