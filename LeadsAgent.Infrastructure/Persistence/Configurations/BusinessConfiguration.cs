using LeadsAgent.Domain.Businesses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsAgent.Infrastructure.Persistence.Configurations;

sealed class BusinessConfiguration : IEntityTypeConfiguration<Business>
{
    public void Configure(EntityTypeBuilder<Business> b)
    {
        b.ToTable("businesses");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.BusinessType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PlanTier).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.TwilioPhoneNumber).HasMaxLength(20);
        b.HasIndex(x => x.TwilioPhoneNumber).IsUnique().HasDatabaseName("businesses_twilio_phone_number_key");
        b.Property(x => x.NotificationEmail).HasMaxLength(254);
        b.Property(x => x.NotificationPhoneNumber).HasMaxLength(20);
        b.Property(x => x.BackupPhoneNumber).HasMaxLength(20);
        b.Property(x => x.TimeZone).HasMaxLength(64);
        b.Property(x => x.Hours).HasJsonb();
        b.Property(x => x.SuspensionReason).HasMaxLength(AdminAction.MaxReason);
        // Existing rows get EMAIL and the digest on (the migration's column defaults); new ones the entity's defaults.
        b.Property(x => x.SummaryDelivery).HasConversion<string>().HasMaxLength(8);
        b.HasOne(x => x.AgentConfig).WithOne().HasForeignKey<AgentConfig>(c => c.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class AdminActionConfiguration : IEntityTypeConfiguration<AdminAction>
{
    public void Configure(EntityTypeBuilder<AdminAction> b)
    {
        b.ToTable("admin_actions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.AdminEmail).HasMaxLength(256).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Reason).HasMaxLength(AdminAction.MaxReason);
        b.Property(x => x.Detail).HasMaxLength(500);
        b.HasIndex(x => x.At).IsDescending().HasDatabaseName("ix_admin_actions_at");
        b.HasIndex(x => new { x.BusinessId, x.At }).IsDescending(false, true).HasDatabaseName("ix_admin_actions_business");
    }
}
