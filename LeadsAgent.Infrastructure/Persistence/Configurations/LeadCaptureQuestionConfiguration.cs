using LeadsAgent.Domain.Businesses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsAgent.Infrastructure.Persistence.Configurations;

sealed class LeadCaptureQuestionConfiguration : IEntityTypeConfiguration<LeadCaptureQuestion>
{
    public void Configure(EntityTypeBuilder<LeadCaptureQuestion> b)
    {
        b.ToTable("lead_capture_questions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.QuestionText).HasMaxLength(500).IsRequired();
        b.Property(x => x.ExpectedFormat).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.MapsToLeadField).HasMaxLength(32);
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.BusinessId).HasDatabaseName("ix_lead_capture_questions_business_id");
        // (agent_config_id, order) is unique DEFERRABLE INITIALLY DEFERRED, which the model cannot say: the baseline
        // migration creates it in SQL, and it stays out of the model so EF does not reorder a swap's updates around it.
    }
}
