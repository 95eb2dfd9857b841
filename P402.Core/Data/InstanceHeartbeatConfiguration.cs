using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace P402.Core.Data;

internal sealed class InstanceHeartbeatConfiguration : IEntityTypeConfiguration<InstanceHeartbeat>
{
    public void Configure(EntityTypeBuilder<InstanceHeartbeat> builder)
    {
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).HasMaxLength(64);
    }
}
