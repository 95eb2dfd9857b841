using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using P402.Core.ApiKeys;
using P402.Core.Merchants;
using P402.Core.PaymentLogs;
using P402.Core.Payments;
using P402.Core.Payments.Identifiers;
using P402.Core.Payments.Sending;
using P402.Core.Receipts;

namespace P402.Core.Data;

/// <summary>P402's one database: Identity, the merchant's payment records and the data-protection key ring.</summary>
public sealed class P402DbContext(DbContextOptions<P402DbContext> options) : IdentityDbContext<P402User>(options), IDataProtectionKeyContext
{
    /// <summary>The Identity schema P402's migrations carry (passkeys included); the host's Identity options name the same.</summary>
    public static readonly Version IdentitySchemaVersion = IdentitySchemaVersions.Version3;

    public DbSet<Merchant> Merchants => Set<Merchant>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Settlement> Settlements => Set<Settlement>();

    public DbSet<SettlementAttempt> SettlementAttempts => Set<SettlementAttempt>();

    public DbSet<Receipt> Receipts => Set<Receipt>();

    public DbSet<PaymentIdentifier> PaymentIdentifiers => Set<PaymentIdentifier>();

    public DbSet<PaymentLogEntry> PaymentLog => Set<PaymentLogEntry>();

    public DbSet<SignerLease> SignerLeases => Set<SignerLease>();

    public DbSet<InstanceHeartbeat> InstanceHeartbeats => Set<InstanceHeartbeat>();

    /// <summary>The keys that protect login cookies and antiforgery tokens, one ring for every instance (<see cref="DataProtectionKeyRing"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(P402DbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are UTC everywhere; SQLite stores them as sortable text, PostgreSQL as timestamptz.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
