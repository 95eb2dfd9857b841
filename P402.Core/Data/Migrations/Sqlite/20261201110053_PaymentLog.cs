using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace P402.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaymentLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaymentLog",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MerchantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApiKeyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    Valid = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Payer = table.Column<string>(type: "TEXT", maxLength: 42, nullable: true),
                    PayTo = table.Column<string>(type: "TEXT", maxLength: 42, nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: true),
                    Network = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Resource = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    SettlementId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TxHash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentLog_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLog_CreatedAt",
                table: "PaymentLog",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLog_MerchantId_CreatedAt",
                table: "PaymentLog",
                columns: new[] { "MerchantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLog_MerchantId_Payer",
                table: "PaymentLog",
                columns: new[] { "MerchantId", "Payer" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLog_MerchantId_RequestId",
                table: "PaymentLog",
                columns: new[] { "MerchantId", "RequestId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaymentLog");
        }
    }
}
