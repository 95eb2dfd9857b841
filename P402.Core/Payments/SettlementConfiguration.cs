using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using P402.Core.ApiKeys;
using P402.Core.Merchants;

namespace P402.Core.Payments;

internal sealed class SettlementConfiguration : IEntityTypeConfiguration<Settlement>
{
    public void Configure(EntityTypeBuilder<Settlement> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(40);
        builder.Property(s => s.MerchantId).HasMaxLength(40);
        builder.Property(s => s.ApiKeyId).HasMaxLength(40);
        builder.Property(s => s.RequestId).HasMaxLength(40);
        builder.Property(s => s.Network).HasMaxLength(64);
        builder.Property(s => s.Asset).HasMaxLength(42);
        builder.Property(s => s.Payer).HasMaxLength(42);
        builder.Property(s => s.PayTo).HasMaxLength(42);
        builder.Property(s => s.Nonce).HasMaxLength(66);
        builder.Property(s => s.Resource).HasMaxLength(2048);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.TxHash).HasMaxLength(66);
        builder.Property(s => s.ReservedBy).HasMaxLength(64);
        builder.Property(s => s.BlockHash).HasMaxLength(66);
        builder.Property(s => s.PayerKind).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.SignerAddress).HasMaxLength(42);
        builder.Property(s => s.ErrorReason).HasMaxLength(64);
        builder.Property(s => s.ErrorMessage).HasMaxLength(500);
        builder.Property(s => s.DeliveredRequestId).HasMaxLength(40);
        builder.Property(s => s.DeliveredPaymentId).HasMaxLength(Identifiers.PaymentId.MaxLength);

        // The reservation: one authorization, one row, whatever the concurrency.
        builder.HasIndex(s => new { s.Network, s.Asset, s.Payer, s.Nonce }).IsUnique();
        builder.HasIndex(s => new { s.MerchantId, s.CreatedAt });
        builder.HasIndex(s => new { s.MerchantId, s.Status });
        builder.HasIndex(s => new { s.MerchantId, s.Payer });
        builder.HasIndex(s => s.TxHash);
        builder.HasIndex(s => s.Status);
        // The watcher's reorg check: a network's recently mined settlements.
        builder.HasIndex(s => new { s.Network, s.Status, s.BlockNumber });

        builder.HasOne<Merchant>().WithMany().HasForeignKey(s => s.MerchantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(s => s.ApiKeyId).OnDelete(DeleteBehavior.Restrict);
    }
}
