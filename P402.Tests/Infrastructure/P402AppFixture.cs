namespace P402.Tests.Infrastructure;

/// <summary>
/// One dev chain and one real app over it, shared by the tests of a class (<c>IClassFixture</c>): tests that
/// need isolation take a fresh merchant (<see cref="NewMerchantAsync"/>) rather than a fresh app.
/// </summary>
public sealed class P402AppFixture : IAsyncLifetime
{
    public AnvilChainFixture Chain { get; } = new();

    public P402AppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Chain.InitializeAsync();
        App = new P402AppFactory(Chain);
    }

    /// <summary>A new merchant with an all-scopes key, and a client that sends that key.</summary>
    public async Task<(TestMerchant Merchant, HttpClient Client)> NewMerchantAsync(string name = "Test merchant")
    {
        var merchant = await App.CreateMerchantAsync(name);
        return (merchant, App.ClientFor(merchant));
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        await Chain.DisposeAsync();
    }
}
