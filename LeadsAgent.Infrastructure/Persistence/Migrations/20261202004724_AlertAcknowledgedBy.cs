using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadsAgent.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AlertAcknowledgedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "alert_acknowledged_by",
                table: "leads",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "alert_acknowledged_by",
                table: "leads");
        }
    }
}
