using LeadsAgent.Domain.Blocking;
using LeadsAgent.Domain.Businesses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsAgent.Infrastructure.Persistence.Configurations;

sealed class BlockedNumberConfiguration : IEntityTypeConfiguration<BlockedNumber>
{
    public void Configure(EntityTypeBuilder<BlockedNumber> b)
    {
        b.ToTable("blocked_numbers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Number).HasMaxLength(16).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(BlockedNumber.MaxReason);
        b.Property(x => x.CreatedBy).HasMaxLength(BlockedNumber.MaxCreatedBy).IsRequired();
        b.Property(x => x.BlockedCalls).HasDefaultValue(0);
        b.Ignore(x => x.IsPlatformWide);
        // A number once per business list and once on the platform list: two partial unique indexes, because a plain
        // UNIQUE (business_id, number) treats every NULL business as distinct.
        b.HasIndex(x => new { x.BusinessId, x.Number }).IsUnique().HasFilter("business_id IS NOT NULL").HasDatabaseName("ux_blocked_numbers_business_number");
        b.HasIndex(x => x.Number).IsUnique().HasFilter("business_id IS NULL").HasDatabaseName("ux_blocked_numbers_platform_number");
    }
}
