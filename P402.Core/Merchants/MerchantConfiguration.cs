using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace P402.Core.Merchants;

internal sealed class MerchantConfiguration : IEntityTypeConfiguration<Merchant>
{
    public void Configure(EntityTypeBuilder<Merchant> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasMaxLength(40);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.OwnsOne(m => m.Settings, settings =>
        {
            settings.Property(s => s.GasPriceLimitWei).HasColumnName("GasPriceLimitWei");
            settings.Property(s => s.MaxGasPerSettlement).HasColumnName("MaxGasPerSettlement");
            settings.Property(s => s.DefaultReceiptTtlSeconds).HasColumnName("DefaultReceiptTtlSeconds");
            settings.Property(s => s.MaxReceiptTtlSeconds).HasColumnName("MaxReceiptTtlSeconds");
        });
        builder.Navigation(m => m.Settings).IsRequired();
    }
}
