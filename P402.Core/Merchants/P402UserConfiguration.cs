using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace P402.Core.Merchants;

internal sealed class P402UserConfiguration : IEntityTypeConfiguration<P402User>
{
    public void Configure(EntityTypeBuilder<P402User> builder)
    {
        builder.Property(u => u.MerchantId).HasMaxLength(40);
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(u => u.Merchant).WithMany().HasForeignKey(u => u.MerchantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.MerchantId);
    }
}
