using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsAgent.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CalendarConnections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_connections",
                columns: table => new
                {
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    feed_token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    caldav_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    caldav_user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    caldav_password_protected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    calendar_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    connected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_sync_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    last_error_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("calendar_connections_pkey", x => x.business_id);
                    table.ForeignKey(
                        name: "calendar_connections_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_calendar_connections_feed_token",
                table: "calendar_connections",
                column: "feed_token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_connections");
        }
    }
}
