using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using P402.Core.Merchants;

namespace P402.Core.ApiKeys;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(40);
        builder.Property(k => k.MerchantId).HasMaxLength(40);
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.DisplayPrefix).HasMaxLength(32);
        builder.Property(k => k.CreatedBy).HasMaxLength(64);
        builder.Property(k => k.Mode).HasConversion<string>().HasMaxLength(8);
        builder.Property(k => k.Scopes).HasConversion<string>().HasMaxLength(100);
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.HasIndex(k => k.MerchantId);
        builder.HasOne<Merchant>().WithMany().HasForeignKey(k => k.MerchantId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(k => k.IsActive);
    }
}
