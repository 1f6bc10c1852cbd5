using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsAgent.Infrastructure.Persistence.Configurations;

sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.ToTable("conversations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lead>().WithMany().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.SessionId).HasMaxLength(100).IsRequired();
        b.HasIndex(x => x.SessionId).IsUnique().HasDatabaseName("conversations_session_id_key");
        b.HasIndex(x => new { x.BusinessId, x.StartedAt }).IsDescending(false, true).HasDatabaseName("ix_conversations_business_started");
        b.HasIndex(x => x.LeadId).HasFilter("lead_id IS NOT NULL").HasDatabaseName("ix_conversations_lead");
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Messages).HasJsonb();
        b.Property(x => x.Analytics).HasColumnType("jsonb");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.CallSid).HasMaxLength(64);
        b.Property(x => x.FromNumber).HasMaxLength(20);
        b.Property(x => x.ToNumber).HasMaxLength(20);
        b.Property(x => x.RecordingUrl).HasMaxLength(2000);
        b.Property(x => x.RecordingSid).HasMaxLength(64);
    }
}
