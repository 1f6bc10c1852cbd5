using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsAgent.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BookingKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The outbox kinds booking sends: emails about a booking (with its .ics) and the owner's CalDAV calendar writes.
            migrationBuilder.Sql("""
                ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
                    ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('OWNER_EMAIL', 'OWNER_ALERT_CALL', 'PASSWORD_RESET',
                        'SMS', 'CALL_SUMMARY', 'DAILY_DIGEST', 'WEBHOOK_DELIVERY', 'WEBHOOK_DISABLED', 'BOOKING_EMAIL', 'CALENDAR_SYNC'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM notifications WHERE kind IN ('BOOKING_EMAIL', 'CALENDAR_SYNC');
                ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
                    ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('OWNER_EMAIL', 'OWNER_ALERT_CALL', 'PASSWORD_RESET',
                        'SMS', 'CALL_SUMMARY', 'DAILY_DIGEST', 'WEBHOOK_DELIVERY', 'WEBHOOK_DISABLED'));
                """);
        }
    }
}
