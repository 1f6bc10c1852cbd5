using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsAgent.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TextMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sms_opt_outs",
                columns: table => new
                {
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phone_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opted_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("sms_opt_outs_pkey", x => new { x.business_id, x.phone_number });
                    table.ForeignKey(
                        name: "sms_opt_outs_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "text_settings",
                columns: table => new
                {
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_texts = table.Column<bool>(type: "boolean", nullable: false),
                    caller_confirmation = table.Column<bool>(type: "boolean", nullable: false),
                    missed_call_text_back = table.Column<bool>(type: "boolean", nullable: false),
                    quiet_hours_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    quiet_start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    quiet_end = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("text_settings_pkey", x => x.business_id);
                    table.ForeignKey(
                        name: "text_settings_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Issue 18, texts: SMS is a third channel of leads and conversations (enums stored as text, checked).
            migrationBuilder.Sql("""
                ALTER TABLE leads DROP CONSTRAINT leads_channel_check,
                    ADD CONSTRAINT leads_channel_check CHECK (channel IN ('CHAT', 'VOICE', 'SMS'));
                ALTER TABLE conversations DROP CONSTRAINT conversations_channel_check,
                    ADD CONSTRAINT conversations_channel_check CHECK (channel IN ('CHAT', 'VOICE', 'SMS'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM conversations WHERE channel = 'SMS';
                DELETE FROM leads WHERE channel = 'SMS';
                ALTER TABLE leads DROP CONSTRAINT leads_channel_check,
                    ADD CONSTRAINT leads_channel_check CHECK (channel IN ('CHAT', 'VOICE'));
                ALTER TABLE conversations DROP CONSTRAINT conversations_channel_check,
                    ADD CONSTRAINT conversations_channel_check CHECK (channel IN ('CHAT', 'VOICE'));
                """);

            migrationBuilder.DropTable(
                name: "sms_opt_outs");

            migrationBuilder.DropTable(
                name: "text_settings");
        }
    }
}
