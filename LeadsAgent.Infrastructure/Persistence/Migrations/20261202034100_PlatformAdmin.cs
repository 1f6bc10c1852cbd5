using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsAgent.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlatformAdmin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reason",
                table: "plan_changes",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "suspended_at",
                table: "businesses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "suspension_reason",
                table: "businesses",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "admin_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    admin_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    admin_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("admin_actions_pkey", x => x.id);
                    table.ForeignKey(
                        name: "admin_actions_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_admin_actions_at",
                table: "admin_actions",
                column: "at",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_admin_actions_business",
                table: "admin_actions",
                columns: new[] { "business_id", "at" },
                descending: new[] { false, true });

            // The enums are stored as text; the checks keep a hand-written UPDATE from storing a name the app cannot read.
            migrationBuilder.Sql("""
                ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
                    ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('OWNER_EMAIL', 'OWNER_ALERT_CALL', 'PASSWORD_RESET'));
                ALTER TABLE admin_actions
                    ADD CONSTRAINT admin_actions_kind_check
                        CHECK (kind IN ('CREATED', 'OPENED', 'PLAN_CHANGED', 'NUMBER_CHANGED', 'SUSPENDED', 'RESUMED', 'PASSWORD_RESET_SENT'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM notifications WHERE kind = 'PASSWORD_RESET';
                ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
                    ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('OWNER_EMAIL', 'OWNER_ALERT_CALL'));
                """);

            migrationBuilder.DropTable(
                name: "admin_actions");

            migrationBuilder.DropColumn(
                name: "reason",
                table: "plan_changes");

            migrationBuilder.DropColumn(
                name: "suspended_at",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "suspension_reason",
                table: "businesses");
        }
    }
}
