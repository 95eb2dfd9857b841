using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using P402.Core.Merchants;
using P402.Tests.Infrastructure;

namespace P402.Tests.E2E;

/// <summary>
/// One running app on a loopback port and one headless Debian Chromium, shared by the E2E collection.
/// Each test opens its own browser context (own cookies) with <see cref="NewPageAsync"/>.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class DashboardAppFixture : IAsyncLifetime
{
    public const string Password = "Correct-Horse-42";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly string _databasePath = TestTemp.NewPath("p402-e2e", ".db");
    private DashboardAppFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = default!;

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("Not started.");

    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "test-results", "screenshots");

    public async Task InitializeAsync()
    {
        _factory = new DashboardAppFactory(_databasePath);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address);

        // Generous waits: the machine is shared (2 cores), and a circuit can take seconds to start under load.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    /// <summary>A fresh browser context (no cookies) and a page in it.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 860)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Adds a user of <paramref name="role"/> to an existing merchant, as an owner inviting a colleague would.</summary>
    public async Task CreateUserAsync(string merchantId, string email, MerchantRole role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<P402User>>();
        var result = await users.CreateAsync(new P402User { UserName = email, Email = email, MerchantId = merchantId, Role = role }, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>A colleague of <paramref name="ownerEmail"/>'s merchant with <paramref name="role"/>, signed in on a page of its own.</summary>
    public async Task<IPage> LogInColleagueAsync(string ownerEmail, MerchantRole role)
    {
        var email = NewEmail(role.ToString().ToLowerInvariant());
        await CreateUserAsync(await MerchantOfAsync(ownerEmail), email, role);
        var page = await NewPageAsync();
        await DashboardPages.LogInAsync(page, email);
        return page;
    }

    /// <summary>The merchant id of a registered user.</summary>
    public async Task<string> MerchantOfAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<P402User>>();
        return (await users.FindByEmailAsync(email))?.MerchantId ?? throw new InvalidOperationException($"No user {email}.");
    }

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.com";

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "P402.sln")))
            {
                return directory.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
