using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace P402.Core.Data;

/// <summary>
/// P402.Core carries one migration set per provider, each in its own namespace under
/// <c>Data/Migrations/</c>: this finds the set of the provider the context runs on and ignores the others,
/// for the app's start-up step and for <c>dotnet ef migrations add</c> alike.
/// </summary>
internal sealed class ProviderMigrationsAssembly(ICurrentDbContext currentContext) : IMigrationsAssembly
{
    private readonly Lazy<IReadOnlyDictionary<string, TypeInfo>> _migrations = new(() => FindMigrations(currentContext.Context));
    private readonly Lazy<ModelSnapshot?> _snapshot = new(() => FindSnapshot(currentContext.Context));

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations.Value;

    public ModelSnapshot? ModelSnapshot => _snapshot.Value;

    public Assembly Assembly => typeof(P402DbContext).Assembly;

    /// <summary>The namespace of <paramref name="provider"/>'s migration set.</summary>
    public static string Namespace(DatabaseProvider provider) => $"{typeof(P402DbContext).Namespace}.Migrations.{provider}";

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase))
        ?? Migrations.Keys.FirstOrDefault(id => id.EndsWith("_" + nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private static SortedDictionary<string, TypeInfo> FindMigrations(DbContext context)
    {
        var migrations = new SortedDictionary<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in TypesOf(context, typeof(Migration)))
        {
            if (type.GetCustomAttribute<MigrationAttribute>() is { } attribute)
            {
                migrations.Add(attribute.Id, type);
            }
        }
        return migrations;
    }

    private static ModelSnapshot? FindSnapshot(DbContext context) =>
        TypesOf(context, typeof(ModelSnapshot)).Select(t => (ModelSnapshot)Activator.CreateInstance(t.AsType())!).SingleOrDefault();

    private static IEnumerable<TypeInfo> TypesOf(DbContext context, Type baseType)
    {
        var ns = Namespace(DatabaseProviders.Of(context));
        return typeof(P402DbContext).Assembly.DefinedTypes.Where(t => !t.IsAbstract && t.IsSubclassOf(baseType)
            && t.Namespace == ns && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context.GetType());
    }
}
