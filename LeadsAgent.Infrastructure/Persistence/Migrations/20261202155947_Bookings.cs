using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsAgent.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Bookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bookable_services",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    buffer_minutes = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("bookable_services_pkey", x => x.id);
                    table.ForeignKey(
                        name: "bookable_services_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "booking_rules",
                columns: table => new
                {
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    minimum_notice_hours = table.Column<int>(type: "integer", nullable: false),
                    horizon_days = table.Column<int>(type: "integer", nullable: false),
                    max_per_day = table.Column<int>(type: "integer", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("booking_rules_pkey", x => x.business_id);
                    table.ForeignKey(
                        name: "booking_rules_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bookings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    service_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    busy_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    caller_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    caller_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    caller_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    lead_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cancel_token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("bookings_pkey", x => x.id);
                    table.ForeignKey(
                        name: "bookings_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "bookings_lead_id_fkey",
                        column: x => x.lead_id,
                        principalTable: "leads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "bookings_service_id_fkey",
                        column: x => x.service_id,
                        principalTable: "bookable_services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bookable_services_business",
                table: "bookable_services",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_business_starts",
                table: "bookings",
                columns: new[] { "business_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_lead",
                table: "bookings",
                column: "lead_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_service",
                table: "bookings",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "ux_bookings_cancel_token",
                table: "bookings",
                column: "cancel_token",
                unique: true);

            // Custom SQL of this migration (all of it). Two booked visits of one business never overlap, however many
            // requests race for a time: an exclusion constraint over the time each visit blocks (its buffer included,
            // busy_until), checked by the database. btree_gist lets the equality on business_id join the GiST index; it
            // ships with PostgreSQL's contrib (Debian's postgresql-15 server package). A cancelled visit frees its time.
            // The status enum is stored as text; the checks keep a hand-written UPDATE from storing what the app cannot read.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS btree_gist;
                ALTER TABLE bookings
                    ADD CONSTRAINT bookings_status_check CHECK (status IN ('BOOKED', 'CANCELLED')),
                    ADD CONSTRAINT bookings_times_check CHECK (starts_at < ends_at AND ends_at <= busy_until),
                    ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (business_id WITH =, tstzrange(starts_at, busy_until) WITH &&)
                        WHERE (status = 'BOOKED');
                ALTER TABLE bookable_services
                    ADD CONSTRAINT bookable_services_lengths_check CHECK (duration_minutes > 0 AND buffer_minutes >= 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "booking_rules");

            migrationBuilder.DropTable(
                name: "bookings");

            migrationBuilder.DropTable(
                name: "bookable_services");
        }
    }
}
