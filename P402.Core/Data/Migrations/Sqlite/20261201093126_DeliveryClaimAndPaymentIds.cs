using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace P402.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeliveryClaimAndPaymentIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeliveredAt",
                table: "Settlements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveredPaymentId",
                table: "Settlements",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveredRequestId",
                table: "Settlements",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            // Settlements confirmed before this rule were answered success already: their one delivery is spent.
            migrationBuilder.Sql("""UPDATE "Settlements" SET "DeliveredAt" = "ConfirmedAt" WHERE "Status" = 'Confirmed'""");

            migrationBuilder.CreateTable(
                name: "PaymentIdentifiers",
                columns: table => new
                {
                    MerchantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VerifyAnswer = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: true),
                    SettleAnswer = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentIdentifiers", x => new { x.MerchantId, x.Id });
                    table.ForeignKey(
                        name: "FK_PaymentIdentifiers_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentIdentifiers_CreatedAt",
                table: "PaymentIdentifiers",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaymentIdentifiers");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "Settlements");

            migrationBuilder.DropColumn(
                name: "DeliveredPaymentId",
                table: "Settlements");

            migrationBuilder.DropColumn(
                name: "DeliveredRequestId",
                table: "Settlements");
        }
    }
}
