using P402.Core.ApiKeys;
using P402.Core.Data;
using P402.Core.Merchants;

namespace P402.Dashboard.Cli;

/// <summary>
/// <c>dotnet run --project P402.Dashboard -- create-merchant "Acme" [--test]</c>: creates a merchant
/// and its first API key (all scopes) and prints the secret once. For servers set up before anyone
/// registers in the dashboard.
/// </summary>
internal static class CreateMerchantCommand
{
    public const string Name = "create-merchant";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await output.WriteLineAsync("usage: create-merchant <name> [--test]");
            return 2;
        }
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var merchant = await services.GetRequiredService<MerchantService>().CreateAsync(args[1], CancellationToken.None);
        var mode = args.Contains("--test") ? ApiKeyMode.Test : ApiKeyMode.Live;
        var key = await services.GetRequiredService<ApiKeyService>()
            .CreateAsync(merchant.Id, "first key", ApiKeyScopes.All, mode, "cli", CancellationToken.None);
        await output.WriteLineAsync($"merchant: {merchant.Id}");
        await output.WriteLineAsync($"api key:  {key.Secret}");
        await output.WriteLineAsync("The key is shown once; store it in your server's secrets.");
        return 0;
    }
}
