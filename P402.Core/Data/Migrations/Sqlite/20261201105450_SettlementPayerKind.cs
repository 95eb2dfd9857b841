using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace P402.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SettlementPayerKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeploymentGas",
                table: "Settlements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayerKind",
                table: "Settlements",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "Eoa");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeploymentGas",
                table: "Settlements");

            migrationBuilder.DropColumn(
                name: "PayerKind",
                table: "Settlements");
        }
    }
}
