using LeadsAgent.Domain.Businesses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsAgent.Infrastructure.Persistence.Configurations;

sealed class AgentConfigConfiguration : IEntityTypeConfiguration<AgentConfig>
{
    public void Configure(EntityTypeBuilder<AgentConfig> b)
    {
        b.ToTable("agent_configs");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        // A UNIQUE constraint in the database (the baseline migration creates it so), not a bare index.
        b.HasIndex(x => x.BusinessId).IsUnique().HasDatabaseName("agent_configs_business_id_key");
        b.Property(x => x.AgentName).HasMaxLength(100);
        b.Property(x => x.PersonaPrompt).HasMaxLength(4000);
        b.Property(x => x.WelcomeMessage).HasMaxLength(1000);
        b.Property(x => x.ColorTheme).HasJsonb();
        b.Property(x => x.LeadCaptureCompletionMessage).HasMaxLength(1000);
        b.Property(x => x.VoiceGreetingMessage).HasMaxLength(1000);
        b.Property(x => x.VoiceCompletionMessage).HasMaxLength(1000);
        b.Property(x => x.VoiceEmergencyMessage).HasMaxLength(1000);
        b.Property(x => x.VoiceEndCallMessage).HasMaxLength(1000);
        b.Property(x => x.TwilioVoice).HasMaxLength(100);
        b.Property(x => x.TwilioLanguage).HasMaxLength(10);
        b.Property(x => x.AllowedWidgetOrigins).HasJsonb();
        b.Property(x => x.ExtraEmergencyKeywords).HasJsonb();
        b.Property(x => x.CallRouting).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.VoiceMode).HasConversion<string>().HasMaxLength(10).HasDefaultValue(VoiceMode.GATHER);
        b.Ignore(x => x.OrderedQuestions);
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(q => q.AgentConfigId).OnDelete(DeleteBehavior.Cascade);
    }
}
