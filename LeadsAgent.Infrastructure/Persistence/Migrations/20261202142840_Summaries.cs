using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsAgent.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Summaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "recording_seconds",
                table: "conversations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recording_sid",
                table: "conversations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recording_url",
                table: "conversations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "call_recording",
                table: "businesses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "daily_digest",
                table: "businesses",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "digest_when_empty",
                table: "businesses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "summary_delivery",
                table: "businesses",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "EMAIL");

            migrationBuilder.CreateTable(
                name: "digest_runs",
                columns: table => new
                {
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    lead_count = table.Column<int>(type: "integer", nullable: false),
                    notification_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("digest_runs_pkey", x => new { x.business_id, x.day });
                    table.ForeignKey(
                        name: "digest_runs_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Custom SQL of the Summaries migration (wt-summary): the summary choice's values, and at most one owner
            // summary of each kind (CALL_SUMMARY email, SMS text) per conversation, whoever ends it and however often.
            migrationBuilder.Sql("""
                ALTER TABLE businesses ADD CONSTRAINT businesses_summary_delivery_check
                    CHECK (summary_delivery IN ('EMAIL', 'TEXT', 'BOTH', 'OFF'));
                CREATE UNIQUE INDEX ux_notifications_summary_once ON notifications (kind, (payload->>'summaryOf')) WHERE payload ? 'summaryOf';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ux_notifications_summary_once;
                ALTER TABLE businesses DROP CONSTRAINT IF EXISTS businesses_summary_delivery_check;
                """);

            migrationBuilder.DropTable(
                name: "digest_runs");

            migrationBuilder.DropColumn(
                name: "recording_seconds",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "recording_sid",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "recording_url",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "call_recording",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "daily_digest",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "digest_when_empty",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "summary_delivery",
                table: "businesses");
        }
    }
}
