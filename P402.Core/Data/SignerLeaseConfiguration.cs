using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace P402.Core.Data;

internal sealed class SignerLeaseConfiguration : IEntityTypeConfiguration<SignerLease>
{
    public void Configure(EntityTypeBuilder<SignerLease> builder)
    {
        builder.HasKey(l => l.Key);
        builder.Property(l => l.Key).HasMaxLength(64);
        builder.Property(l => l.Holder).HasMaxLength(64);
    }
}
