using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsAgent.Infrastructure.Persistence.Configurations;

sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        b.ToTable("leads");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.CapturedData).HasJsonb();
        b.Property(x => x.ConversationTranscript).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.ContactName).HasMaxLength(200);
        b.Property(x => x.ContactPhone).HasMaxLength(20);
        b.Property(x => x.ContactEmail).HasMaxLength(254);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.SessionId).HasMaxLength(100);
        b.Property(x => x.EmergencyReasons).HasJsonb();
        b.Property(x => x.RecordingUrl).HasMaxLength(2000);
        b.Property(x => x.Transfers).HasJsonb().HasDefaultValueSql("'[]'::jsonb");
        b.HasIndex(x => new { x.BusinessId, x.CreatedAt }).IsDescending(false, true).HasDatabaseName("ix_leads_business_created");
        // One lead per session: a retried webhook or a repeated end must not store a second one.
        b.HasIndex(x => new { x.BusinessId, x.SessionId }).IsUnique().HasFilter("session_id IS NOT NULL").HasDatabaseName("ux_leads_business_session");
    }
}
