using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using P402.Core.ApiKeys;

namespace P402.Dashboard.Demo;

/// <summary>
/// Once the server listens (its address is known only then, e.g. on a dynamic port): ensures the demo
/// merchant, creates a fresh all-scopes key whose secret stays in this process's memory (the database keeps
/// only its hash, as for every key), revokes the demo keys of earlier runs, and hands the credentials to
/// <see cref="DemoConnection"/>. A failure leaves the demo answering 503; it never stops the app.
/// </summary>
internal sealed class DemoMerchantBootstrapper(
    DemoConnection connection,
    IOptions<DemoOptions> options,
    IServer server,
    DemoMerchantStore merchants,
    ApiKeyService keys,
    ILogger<DemoMerchantBootstrapper> logger) : IHostedLifecycleService
{
    public const string KeyName = "Demo endpoint (in memory, this run)";

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (connection.Mode == DemoMode.Off)
        {
            return;
        }
        var demo = options.Value;
        var baseUrl = demo.P402BaseUrl is { } configured
            ? DemoBaseUrl.WithTrailingSlash(configured)
            : DemoBaseUrl.FromServerAddresses(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        if (baseUrl is null)
        {
            DemoLog.NoAddress(logger);
            return;
        }
        try
        {
            var credentials = connection.Mode == DemoMode.ConfiguredKey
                ? new DemoCredentials(baseUrl, demo.ApiKey!, null, null)
                : await CreateDemoKeyAsync(baseUrl, cancellationToken);
            connection.Set(credentials);
            DemoLog.Ready(logger, baseUrl, credentials.MerchantId, credentials.ApiKeyId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            DemoLog.BootstrapFailed(logger, e);
        }
    }

    private async Task<DemoCredentials> CreateDemoKeyAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        var merchantId = await merchants.EnsureAsync(cancellationToken);
        var created = await keys.CreateAsync(merchantId, KeyName, ApiKeyScopes.All, ApiKeyMode.Test, "demo", cancellationToken);
        var revoked = 0;
        foreach (var previous in await keys.ListAsync(merchantId, cancellationToken))
        {
            if (previous.IsActive && previous.Name == KeyName && previous.Id != created.Key.Id
                && await keys.RevokeAsync(merchantId, previous.Id, cancellationToken))
            {
                revoked++;
            }
        }
        if (revoked > 0)
        {
            DemoLog.RevokedPreviousKeys(logger, revoked);
        }
        return new DemoCredentials(baseUrl, created.Secret, merchantId, created.Key.Id);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
