using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsAgent.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CallBlocking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "screen_failed_stir",
                table: "agent_configs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "screen_no_caller_id",
                table: "agent_configs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "blocked_numbers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: true),
                    number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    blocked_calls = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    last_blocked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("blocked_numbers_pkey", x => x.id);
                    table.ForeignKey(
                        name: "blocked_numbers_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_blocked_numbers_business_number",
                table: "blocked_numbers",
                columns: new[] { "business_id", "number" },
                unique: true,
                filter: "business_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_blocked_numbers_platform_number",
                table: "blocked_numbers",
                column: "number",
                unique: true,
                filter: "business_id IS NULL");

            // CallBlocking custom SQL: a blocked number is stored in E.164 (+ and 8 to 15 digits), the form the block
            // check compares with the caller's normalised number.
            migrationBuilder.Sql("""
                ALTER TABLE blocked_numbers ADD CONSTRAINT blocked_numbers_number_check CHECK (number ~ '^\+[1-9][0-9]{7,14}$');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "blocked_numbers");

            migrationBuilder.DropColumn(
                name: "screen_failed_stir",
                table: "agent_configs");

            migrationBuilder.DropColumn(
                name: "screen_no_caller_id",
                table: "agent_configs");
        }
    }
}
