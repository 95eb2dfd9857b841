using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using P402.Core.ApiKeys;
using P402.Core.Chain;
using P402.Core.Chain.DevChain;
using P402.Core.Chain.Signers;
using P402.Core.Common;
using P402.Core.Data;
using P402.Core.Merchants;
using P402.Core.PaymentLogs;
using P402.Core.Payments;
using P402.Core.Payments.Identifiers;
using P402.Core.Payments.Watcher;
using P402.Core.Receipts;

namespace P402.Core;

/// <summary>The one entry point that composes P402.Core; hosts call it once.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddP402Core(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        AddOptions(services, configuration);

        services.AddPooledDbContextFactory<P402DbContext>((provider, options) =>
            DatabaseContextOptions.Configure(options, provider.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        // Identity's stores take the context from the request scope.
        services.TryAddScoped(provider => provider.GetRequiredService<IDbContextFactory<P402DbContext>>().CreateDbContext());
        services.TryAddSingleton<DatabaseMigrator>();
        DataProtectionKeyRing.AddTo(services);
        services.TryAddSingleton<CoreStartup>();
        services.TryAddSingleton<MerchantEvents>();
        services.TryAddSingleton<MerchantEventRelay>();
        services.TryAddSingleton<SignerLeases>();
        services.TryAddSingleton<InstanceHeartbeats>();
        services.AddHostedService<DeadReservations>();
        services.AddHostedService(provider => provider.GetRequiredService<MerchantEventRelay>());

        services.TryAddSingleton<ApiKeyCache>();
        services.TryAddSingleton<ApiKeyService>();
        services.TryAddSingleton<MerchantService>();
        services.TryAddSingleton<Overview.OverviewService>();

        // One instance (SQLite) owns every key; instances sharing a PostgreSQL database lease them.
        services.TryAddSingleton<ISignerLeases>(provider =>
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? ActivatorUtilities.CreateInstance<DatabaseSignerLeases>(provider)
                : new SingleInstanceSignerLeases());
        services.TryAddSingleton<ChainRuntime>();
        services.TryAddSingleton<PaymentNetworks>();
        services.TryAddSingleton<ChainStatusService>();
        services.TryAddSingleton<SettlementStore>();
        services.TryAddSingleton<PaymentVerifier>();
        services.TryAddSingleton<SettlementSubmitter>();
        services.TryAddSingleton<SettlementConfirmer>();
        services.TryAddSingleton<SettlementDelivery>();
        services.TryAddSingleton<PaymentSettler>();
        services.TryAddSingleton<PaymentIdentifierStore>();
        services.TryAddSingleton<SettlementWaiters>();
        services.AddHostedService<RemoteSettlementWakeups>();
        services.TryAddSingleton<SettlementWatchers>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SettlementWatchers>(provider => provider.GetRequiredService<SettlementWatchers>()));
        services.TryAddSingleton<SettlementQueries>();

        services.TryAddSingleton<ReceiptService>();
        services.TryAddSingleton<ReceiptVerifier>();
        services.TryAddSingleton<RevokerNames>();

        services.TryAddSingleton<PaymentLogWriter>();
        services.TryAddSingleton<PaymentLogQueries>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PaymentLogDrainer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PaymentLogPruner>());
        return services;
    }

    private static void AddOptions(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ChainOptions>()
            .Bind(configuration.GetSection(ChainOptions.SectionName))
            .Validate(o => o.ConfirmationTimeoutSeconds > 0 && o.RpcTimeoutSeconds > 0 && o.BlockPollMilliseconds > 0 && o.WatcherRecheckSeconds > 0 && o.StuckAfterBlocks > 0 && o.SignerLeaseSeconds >= 1, "Chain timeouts must be positive (Chain:SignerLeaseSeconds at least 1).")
            .Validate(o => o.Mode == ChainMode.Dev || o.Networks.TrueForAll(n => n.AllRpcUrls.Count > 0), "Every network needs an RpcUrl in Rpc mode.")
            .Validate(o => o.RpcAttempts is >= 1 and <= 10 && o.RpcAttemptTimeoutSeconds > 0, "Chain:RpcAttempts must be 1–10 and Chain:RpcAttemptTimeoutSeconds positive.")
            .Validate(o => o.ReorgWindowBlocks >= 1 && o.EffectiveNetworks.All(n => n.ConfirmationDepth >= 1 && n.ConfirmationDepth <= o.ReorgWindowBlocks),
                "Chain:Networks:N:ConfirmationDepth must be at least 1 and at most Chain:ReorgWindowBlocks.")
            .Validate(o => o.GasHeadroomPercent is >= 0 and <= 200, "Chain:GasHeadroomPercent must be between 0 and 200.")
            .Validate(o => o.MaxFeePerGasGwei is > 0 and <= 100_000, "Chain:MaxFeePerGasGwei must be above 0 and at most 100,000 gwei.")
            .Validate(o => o.FeeBumpPercent is >= 10 and <= 1000, "Chain:FeeBumpPercent must be between 10 (the nodes' replacement rule) and 1000.")
            .Validate(o => o.Mode == ChainMode.Dev || SignerKeySettings.Configured(o).Any(),
                "Chain:FacilitatorPrivateKey is required in Rpc mode (environment variable Chain__FacilitatorPrivateKey or user-secrets).")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChainOptions>, SignerKeyValidation>());
        services.AddOptions<PaymentLogOptions>()
            .Bind(configuration.GetSection(PaymentLogOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DevChainOptions>().Bind(configuration.GetSection(DevChainOptions.SectionName));
    }
}
