using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace P402.Core.Payments.Sending;

internal sealed class SettlementAttemptConfiguration : IEntityTypeConfiguration<SettlementAttempt>
{
    public void Configure(EntityTypeBuilder<SettlementAttempt> builder)
    {
        builder.ToTable("SettlementAttempts");
        builder.HasKey(a => new { a.SettlementId, a.Number });
        builder.Property(a => a.SettlementId).HasMaxLength(40);
        builder.Property(a => a.TxHash).HasMaxLength(66);
        builder.Property(a => a.Signer).HasMaxLength(42);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Note).HasMaxLength(SettlementAttempt.NoteMaxLength);

        builder.HasIndex(a => a.TxHash);
        // The watcher's question at every block: the live attempts.
        builder.HasIndex(a => a.Outcome);

        builder.HasOne<Settlement>().WithMany().HasForeignKey(a => a.SettlementId).OnDelete(DeleteBehavior.Cascade);
    }
}
