using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using P402.Core.Merchants;

namespace P402.Core.PaymentLogs;

internal sealed class PaymentLogEntryConfiguration : IEntityTypeConfiguration<PaymentLogEntry>
{
    public void Configure(EntityTypeBuilder<PaymentLogEntry> builder)
    {
        builder.ToTable("PaymentLog");
        // The merchant first: a merchant's entries are one range of the key, newest last (ids are ULIDs of CreatedAt), so
        // the listing, its time filters and the pruner (per merchant, by id) need no index of their own.
        builder.HasKey(p => new { p.MerchantId, p.Id });
        builder.Property(p => p.Id).HasMaxLength(40);
        builder.Property(p => p.MerchantId).HasMaxLength(40);
        builder.Property(p => p.ApiKeyId).HasMaxLength(40);
        builder.Property(p => p.RequestId).HasMaxLength(40);
        builder.Property(p => p.Operation).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Reason).HasMaxLength(64);
        builder.Property(p => p.Message).HasMaxLength(PaymentLogEntries.MaxMessageLength);
        builder.Property(p => p.Payer).HasMaxLength(42);
        builder.Property(p => p.PayTo).HasMaxLength(42);
        builder.Property(p => p.Network).HasMaxLength(64);
        builder.Property(p => p.Resource).HasMaxLength(PaymentLogEntries.MaxResourceLength);
        builder.Property(p => p.SettlementId).HasMaxLength(40);
        builder.Property(p => p.TxHash).HasMaxLength(66);

        // The dashboard's and the API's exact searches. A part of the resource is a scan of the merchant's key range.
        builder.HasIndex(p => new { p.MerchantId, p.RequestId });
        builder.HasIndex(p => new { p.MerchantId, p.Payer });

        // No foreign key to the API key: a log line outlives nothing it points at, and inserts stay cheap.
        builder.HasOne<Merchant>().WithMany().HasForeignKey(p => p.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
