using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using P402.Core.Merchants;
using P402.Core.Payments;

namespace P402.Core.Receipts;

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(40);
        builder.Property(r => r.MerchantId).HasMaxLength(40);
        builder.Property(r => r.SettlementId).HasMaxLength(40);
        builder.Property(r => r.Resource).HasMaxLength(2048);
        builder.Property(r => r.Payer).HasMaxLength(42);
        builder.Property(r => r.RevokedBy).HasMaxLength(80);
        builder.Property(r => r.ReuseCount).IsConcurrencyToken(false);

        // Issuing twice for one settlement returns the same receipt.
        builder.HasIndex(r => r.SettlementId).IsUnique();
        builder.HasIndex(r => new { r.MerchantId, r.CreatedAt });
        builder.HasIndex(r => new { r.MerchantId, r.Resource });
        builder.HasIndex(r => new { r.MerchantId, r.Payer });

        builder.HasOne<Merchant>().WithMany().HasForeignKey(r => r.MerchantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Settlement>().WithMany().HasForeignKey(r => r.SettlementId).OnDelete(DeleteBehavior.Restrict);
    }
}
