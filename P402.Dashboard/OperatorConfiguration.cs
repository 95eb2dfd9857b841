using Microsoft.Extensions.Configuration.Json;

namespace P402.Dashboard;

/// <summary>
/// The operator edits one file, <c>appsettings.json</c> at the repository root (copied beside the
/// binaries at build). It is loaded first so that environment variables and user-secrets override it.
/// </summary>
internal static class OperatorConfiguration
{
    public static IConfigurationBuilder AddP402OperatorConfig(this IConfigurationManager configuration)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var file = new JsonConfigurationSource
        {
            Path = path,
            Optional = true,
            ReloadOnChange = false,
        };
        file.ResolveFileProvider();
        // Index 0 is the host's in-memory defaults; insert after them so everything else still wins.
        sources.Insert(Math.Min(1, sources.Count), file);
        return configuration;
    }
}
