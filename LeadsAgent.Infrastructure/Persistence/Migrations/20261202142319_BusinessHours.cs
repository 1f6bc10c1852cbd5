using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsAgent.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BusinessHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "hours",
                table: "businesses",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "call_routing",
                table: "agent_configs",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "AI_ALWAYS");

            migrationBuilder.AddColumn<int>(
                name: "ring_owner_seconds",
                table: "agent_configs",
                type: "integer",
                nullable: false,
                defaultValue: 20);

            // Issue 18, business hours and call routing: the routing mode is stored as text, so a check keeps a
            // hand-written UPDATE from storing a name the app cannot read; the ring time stays within 10-60 seconds.
            migrationBuilder.Sql("""
                ALTER TABLE agent_configs
                    ADD CONSTRAINT agent_configs_call_routing_check CHECK (call_routing IN ('AI_ALWAYS', 'RING_OWNER_FIRST', 'AI_AFTER_HOURS')),
                    ADD CONSTRAINT agent_configs_ring_owner_seconds_check CHECK (ring_owner_seconds BETWEEN 10 AND 60);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE agent_configs DROP CONSTRAINT agent_configs_call_routing_check, DROP CONSTRAINT agent_configs_ring_owner_seconds_check;
                """);

            migrationBuilder.DropColumn(
                name: "hours",
                table: "businesses");

            migrationBuilder.DropColumn(
                name: "call_routing",
                table: "agent_configs");

            migrationBuilder.DropColumn(
                name: "ring_owner_seconds",
                table: "agent_configs");
        }
    }
}
