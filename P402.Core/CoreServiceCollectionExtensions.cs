using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using P402.Core.ApiKeys;
using P402.Core.Common;
using P402.Core.Data;
using P402.Core.Merchants;

namespace P402.Core;

/// <summary>The one entry point that composes P402.Core; hosts call it once.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddP402Core(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider == DatabaseProvider.Sqlite, "Only the Sqlite provider ships migrations so far.")
            .ValidateOnStart();

        services.AddDbContextFactory<P402DbContext>((provider, options) =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            options.UseSqlite(database.ConnectionString)
                .AddInterceptors(new SqliteConnectionInterceptor());
        });
        services.TryAddSingleton<DatabaseMigrator>();
        services.TryAddSingleton<MerchantEvents>();
        services.TryAddSingleton<ApiKeyCache>();
        services.TryAddSingleton<ApiKeyService>();
        services.TryAddSingleton<MerchantService>();
        return services;
    }
}
