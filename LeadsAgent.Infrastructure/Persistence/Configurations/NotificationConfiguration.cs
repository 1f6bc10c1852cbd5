using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Notifications;
using LeadsAgent.Domain.Plans;
using LeadsAgent.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsAgent.Infrastructure.Persistence.Configurations;

sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lead>().WithMany().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Payload).HasColumnType("jsonb");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasIndex(x => x.NextAttemptAt).HasFilter("status = 'PENDING'").HasDatabaseName("ix_notifications_due");
        b.HasIndex(x => x.LeadId).HasDatabaseName("ix_notifications_lead");
    }
}

sealed class PlanChangeConfiguration : IEntityTypeConfiguration<PlanChange>
{
    public void Configure(EntityTypeBuilder<PlanChange> b)
    {
        b.ToTable("plan_changes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ChangedByUserId).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.ChangedByEmail).HasMaxLength(256).IsRequired();
        b.Property(x => x.FromPlan).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.ToPlan).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Reason).HasMaxLength(AdminAction.MaxReason);
        b.HasIndex(x => new { x.BusinessId, x.ChangedAt }).IsDescending(false, true).HasDatabaseName("ix_plan_changes_business");
    }
}

sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> b)
    {
        b.ToTable("digest_runs");
        b.HasKey(x => new { x.BusinessId, x.Day });
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}
