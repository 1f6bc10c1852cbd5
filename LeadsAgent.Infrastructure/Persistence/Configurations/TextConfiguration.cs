using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsAgent.Infrastructure.Persistence.Configurations;

sealed class TextSettingsConfiguration : IEntityTypeConfiguration<TextSettings>
{
    public void Configure(EntityTypeBuilder<TextSettings> b)
    {
        b.ToTable("text_settings");
        b.HasKey(x => x.BusinessId);
        b.HasOne<Business>().WithOne().HasForeignKey<TextSettings>(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SmsOptOutConfiguration : IEntityTypeConfiguration<SmsOptOut>
{
    public void Configure(EntityTypeBuilder<SmsOptOut> b)
    {
        b.ToTable("sms_opt_outs");
        b.HasKey(x => new { x.BusinessId, x.PhoneNumber });
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.PhoneNumber).HasMaxLength(20);
        b.Property(x => x.Source).HasMaxLength(20);
    }
}
