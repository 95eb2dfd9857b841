using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace P402.Core.Data;

/// <summary>
/// The data-protection key ring (login cookies, antiforgery tokens, Identity's tokens) lives in the database, table
/// <c>DataProtectionKeys</c>, on both providers: instances on one PostgreSQL database accept each other's cookies, and a
/// single SQLite instance keeps its sign-ins across restarts without a writable home directory. Under one application name,
/// so that instances installed in different directories share it. The key XML is a secret: it is read and written only by
/// the data-protection library, never logged by P402 (EF logs no parameter values).
/// </summary>
public sealed class DataProtectionKeyRing(IDataProtectionProvider protection, IDbContextFactory<P402DbContext> contexts, IOptions<DatabaseOptions> options)
{
    public const string ApplicationName = "P402";

    private const long PostgresKeyRingLock = 402_402_403;

    public static void AddTo(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<P402DbContext>();
        services.AddSingleton<DataProtectionKeyRing>();
    }

    /// <summary>
    /// Start-up step: loads the ring now, making its first key if the database has none. On PostgreSQL instances take turns
    /// under an advisory lock, so that instances started together find one key instead of each making its own (an instance
    /// keeps the ring it loaded until it next refreshes it, and would not know a key another instance made meanwhile).
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider != DatabaseProvider.Postgres)
        {
            Load();
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({PostgresKeyRingLock})", cancellationToken);
        try
        {
            Load();
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({PostgresKeyRingLock})", CancellationToken.None);
        }
    }

    private void Load() => protection.CreateProtector(nameof(DataProtectionKeyRing)).Protect([1]);
}
