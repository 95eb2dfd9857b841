using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace P402.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SettlementBlockHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BlockHash",
                table: "Settlements",
                type: "TEXT",
                maxLength: 66,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Settlements_Network_Status_BlockNumber",
                table: "Settlements",
                columns: new[] { "Network", "Status", "BlockNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Settlements_Network_Status_BlockNumber",
                table: "Settlements");

            migrationBuilder.DropColumn(
                name: "BlockHash",
                table: "Settlements");
        }
    }
}
