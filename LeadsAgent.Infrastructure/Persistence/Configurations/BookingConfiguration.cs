using LeadsAgent.Domain.Booking;
using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadsAgent.Infrastructure.Persistence.Configurations;

sealed class BookableServiceConfiguration : IEntityTypeConfiguration<BookableService>
{
    public void Configure(EntityTypeBuilder<BookableService> b)
    {
        b.ToTable("bookable_services");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Name).HasMaxLength(BookableService.MaxName).IsRequired();
        b.HasIndex(x => x.BusinessId).HasDatabaseName("ix_bookable_services_business");
    }
}

sealed class BookingRulesConfiguration : IEntityTypeConfiguration<BookingRules>
{
    public void Configure(EntityTypeBuilder<BookingRules> b)
    {
        b.ToTable("booking_rules");
        b.HasKey(x => x.BusinessId);
        b.HasOne<Business>().WithOne().HasForeignKey<BookingRules>(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.ToTable("bookings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        // A service with bookings is switched off, not deleted, so its bookings keep their name and length.
        b.HasOne<BookableService>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Lead>().WithMany().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.CallerName).HasMaxLength(Booking.MaxName).IsRequired();
        b.Property(x => x.CallerPhone).HasMaxLength(20);
        b.Property(x => x.CallerEmail).HasMaxLength(Booking.MaxEmail);
        b.Property(x => x.CancelToken).HasMaxLength(64).IsRequired();
        b.Ignore(x => x.Busy);
        b.Ignore(x => x.IsBooked);
        b.HasIndex(x => new { x.BusinessId, x.StartsAt }).HasDatabaseName("ix_bookings_business_starts");
        b.HasIndex(x => x.ServiceId).HasDatabaseName("ix_bookings_service");
        b.HasIndex(x => x.LeadId).HasDatabaseName("ix_bookings_lead");
        b.HasIndex(x => x.CancelToken).IsUnique().HasDatabaseName("ux_bookings_cancel_token");
    }
}

sealed class CalendarConnectionConfiguration : IEntityTypeConfiguration<CalendarConnection>
{
    public void Configure(EntityTypeBuilder<CalendarConnection> b)
    {
        b.ToTable("calendar_connections");
        b.HasKey(x => x.BusinessId);
        b.HasOne<Business>().WithOne().HasForeignKey<CalendarConnection>(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.FeedToken).HasMaxLength(64).IsRequired();
        b.Property(x => x.CalDavUrl).HasColumnName("caldav_url").HasMaxLength(CalendarConnection.MaxUrl);
        b.Property(x => x.CalDavUserName).HasColumnName("caldav_user_name").HasMaxLength(CalendarConnection.MaxUserName);
        // Data Protection's cipher text of a password of at most MaxPassword characters, base64url: well under 2,000.
        b.Property(x => x.CalDavPasswordProtected).HasColumnName("caldav_password_protected").HasMaxLength(2000);
        b.Property(x => x.CalendarName).HasMaxLength(200);
        b.Property(x => x.LastError).HasMaxLength(CalendarConnection.MaxError);
        b.Ignore(x => x.IsCalDavConnected);
        b.HasIndex(x => x.FeedToken).IsUnique().HasDatabaseName("ux_calendar_connections_feed_token");
    }
}
