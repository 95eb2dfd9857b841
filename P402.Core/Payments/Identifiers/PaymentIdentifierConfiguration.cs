using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using P402.Core.Merchants;

namespace P402.Core.Payments.Identifiers;

internal sealed class PaymentIdentifierConfiguration : IEntityTypeConfiguration<PaymentIdentifier>
{
    public void Configure(EntityTypeBuilder<PaymentIdentifier> builder)
    {
        // Scoped to the merchant: another merchant's same id is another row, and never sees this one's answers.
        builder.HasKey(p => new { p.MerchantId, p.Id });
        builder.Property(p => p.MerchantId).HasMaxLength(40);
        builder.Property(p => p.Id).HasMaxLength(PaymentId.MaxLength);
        builder.Property(p => p.Fingerprint).HasMaxLength(PaymentFingerprint.Length);
        builder.Property(p => p.VerifyAnswer).HasMaxLength(8_192);
        builder.Property(p => p.SettleAnswer).HasMaxLength(8_192);
        builder.HasIndex(p => p.CreatedAt);

        builder.HasOne<Merchant>().WithMany().HasForeignKey(p => p.MerchantId).OnDelete(DeleteBehavior.Restrict);
    }
}
