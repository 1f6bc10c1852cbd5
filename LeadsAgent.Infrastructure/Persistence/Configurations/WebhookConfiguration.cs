using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsAgent.Infrastructure.Persistence.Configurations;

sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.ToTable("webhook_endpoints");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Url).HasMaxLength(WebhookEndpoint.MaxUrl).IsRequired();
        b.Property(x => x.Events).HasColumnType("text[]").IsRequired();
        b.Property(x => x.SecretProtected).HasColumnName("secret_protected").IsRequired();
        b.Property(x => x.DisabledReason).HasMaxLength(WebhookEndpoint.MaxDisabledReason);
        b.HasIndex(x => x.BusinessId).HasDatabaseName("ix_webhook_endpoints_business");
    }
}

sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("webhook_deliveries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.EventId).HasMaxLength(64).IsRequired();
        b.Property(x => x.EventType).HasMaxLength(40).IsRequired();
        // text, not jsonb: jsonb would reorder keys and respace the body, and the signature covers the exact bytes.
        b.Property(x => x.Payload).HasColumnType("text").IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.LastError).HasMaxLength(WebhookDelivery.MaxError);
        // One delivery of an event per endpoint, so an event written twice (a retried end of a call) is sent once.
        b.HasIndex(x => new { x.EndpointId, x.EventId }).IsUnique().HasDatabaseName("ux_webhook_deliveries_endpoint_event");
        b.HasIndex(x => new { x.EndpointId, x.CreatedAt }).IsDescending(false, true).HasDatabaseName("ix_webhook_deliveries_endpoint_created");
    }
}
