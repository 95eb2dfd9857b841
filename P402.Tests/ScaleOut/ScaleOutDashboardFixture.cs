using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using P402.Core.Merchants;
using P402.Tests.E2E;
using P402.Tests.Infrastructure;

namespace P402.Tests.ScaleOut;

/// <summary>
/// <see cref="ScaleOutFixture"/> with each process in a HOME of its own, as on a machine of its own (nothing shared but the
/// database: a key ring kept in a user's home directory would not be), and a headless Chromium for the dashboard.
/// </summary>
public sealed class ScaleOutDashboardFixture : ScaleOutFixture
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly string _homes = TestTemp.NewPath("p402-scaleout-homes");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
    }

    /// <summary>A dashboard user (owner, password <see cref="DashboardAppFixture.Password"/>) of <paramref name="merchantId"/>.</summary>
    public async Task<string> CreateUserAsync(string merchantId)
    {
        var email = DashboardAppFixture.NewEmail("scaleout");
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<P402User>>();
        var result = await users.CreateAsync(new P402User { UserName = email, Email = email, MerchantId = merchantId, Role = MerchantRole.Owner }, DashboardAppFixture.Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return email;
    }

    public override async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
        if (Directory.Exists(_homes))
        {
            Directory.Delete(_homes, recursive: true);
        }
    }

    protected override IReadOnlyDictionary<string, string?> InstanceEnvironment(int index)
    {
        var home = Directory.CreateDirectory(Path.Combine(_homes, index.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
        return new Dictionary<string, string?> { ["HOME"] = home };
    }
}
