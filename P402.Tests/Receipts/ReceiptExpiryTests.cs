using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using P402.Tests.Infrastructure;
using static P402.Tests.Receipts.ReceiptApi;

namespace P402.Tests.Receipts;

/// <summary>
/// Expiry through the app's clock: receipts are settled and issued by one app, then a second app on the
/// same database runs with a FakeTimeProvider set to either side of the expiry (the second app never
/// settles, so the chain's nonces stay with the first).
/// </summary>
public sealed class ReceiptExpiryTests(AnvilChainFixture chain) : IClassFixture<AnvilChainFixture>, IAsyncLifetime
{
    private P402AppFactory _app = null!;
    private TestMerchant _merchant = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = new P402AppFactory(chain);
        _merchant = await _app.CreateMerchantAsync();
        _client = _app.ClientFor(_merchant);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FakeTimeProvider_RegisteredByTheTest_IsTheAppsClock()
    {
        var fake = new FakeTimeProvider(new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero));
        await using var later = new P402AppFactory(chain, _app.DatabasePath) { Time = fake };
        Assert.Same(fake, later.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task Verify_ClockAtExpiry_ExpiredButOneTickBefore_Valid()
    {
        var receipt = await NewReceiptAsync(_client, chain, ttlSeconds: 600);
        var expiresAt = new DateTimeOffset(receipt.GetProperty("expiresAt").GetDateTime());
        var fake = new FakeTimeProvider(expiresAt.AddTicks(-1));
        await using var later = new P402AppFactory(chain, _app.DatabasePath) { Time = fake };
        var client = later.ClientFor(_merchant);

        var lastMoment = await VerifyAsync(client, receipt.Id());
        Assert.True(lastMoment.GetProperty("valid").GetBoolean(), lastMoment.ToString());
        Assert.Equal(1, lastMoment.ReuseCount());

        fake.Advance(TimeSpan.FromTicks(1));
        var atExpiry = await VerifyAsync(client, receipt.Id());
        Assert.False(atExpiry.GetProperty("valid").GetBoolean());
        Assert.Equal("RECEIPT_EXPIRED", atExpiry.GetProperty("reason").GetString());

        fake.Advance(TimeSpan.FromDays(3));
        Assert.Equal("RECEIPT_EXPIRED", (await VerifyAsync(client, receipt.Id())).GetProperty("reason").GetString());
        var read = await GetAsync(client, receipt.Id());
        Assert.Equal(1, read.ReuseCount());
        Assert.Equal("expired", read.GetProperty("state").GetString());
        Assert.Equal("active", (await GetAsync(_client, receipt.Id())).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Verify_RevokedAndExpired_SaysRevoked()
    {
        var receipt = await NewReceiptAsync(_client, chain, ttlSeconds: 60);
        await RevokeAsync(_client, receipt.Id());
        await using var later = new P402AppFactory(chain, _app.DatabasePath) { Time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1)) };

        var answer = await VerifyAsync(later.ClientFor(_merchant), receipt.Id());
        Assert.Equal("RECEIPT_REVOKED", answer.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task List_StateFilters_FollowTheClock()
    {
        var merchant = await _app.CreateMerchantAsync("Clock");
        var client = _app.ClientFor(merchant);
        var shortLived = await NewReceiptAsync(client, chain, ttlSeconds: 60);
        var longLived = await NewReceiptAsync(client, chain, ttlSeconds: 7_200, payer: 1);
        var revoked = await NewReceiptAsync(client, chain, ttlSeconds: 7_200, payer: 2);
        await RevokeAsync(client, revoked.Id());
        await using var later = new P402AppFactory(chain, _app.DatabasePath) { Time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1)) };
        var laterClient = later.ClientFor(merchant);

        Assert.Equal([longLived.Id()], await IdsAsync(laterClient, "state=active"));
        Assert.Equal([shortLived.Id()], await IdsAsync(laterClient, "state=expired"));
        Assert.Equal([revoked.Id()], await IdsAsync(laterClient, "state=revoked"));
        Assert.Equal(new[] { shortLived.Id(), longLived.Id() }.Order(StringComparer.Ordinal), (await IdsAsync(client, "state=active")).Order(StringComparer.Ordinal));
    }

    private static async Task<string[]> IdsAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/receipts?{query}");
        return [.. page.GetProperty("items").EnumerateArray().Select(r => r.Id())];
    }
}
