using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsAgent.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OwnerFeatureKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The outbox kinds the owner features send (texts, summaries, the digest, webhooks); stored as text, checked.
            migrationBuilder.Sql("""
                ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
                    ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('OWNER_EMAIL', 'OWNER_ALERT_CALL', 'PASSWORD_RESET',
                        'SMS', 'CALL_SUMMARY', 'DAILY_DIGEST', 'WEBHOOK_DELIVERY', 'WEBHOOK_DISABLED'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM notifications WHERE kind IN ('SMS', 'CALL_SUMMARY', 'DAILY_DIGEST', 'WEBHOOK_DELIVERY', 'WEBHOOK_DISABLED');
                ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
                    ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('OWNER_EMAIL', 'OWNER_ALERT_CALL', 'PASSWORD_RESET'));
                """);
        }
    }
}
