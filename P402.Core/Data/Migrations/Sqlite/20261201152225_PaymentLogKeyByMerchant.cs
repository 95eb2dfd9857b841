using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace P402.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaymentLogKeyByMerchant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_PaymentLog",
                table: "PaymentLog");

            migrationBuilder.DropIndex(
                name: "IX_PaymentLog_CreatedAt",
                table: "PaymentLog");

            migrationBuilder.DropIndex(
                name: "IX_PaymentLog_MerchantId_CreatedAt",
                table: "PaymentLog");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PaymentLog",
                table: "PaymentLog",
                columns: new[] { "MerchantId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_PaymentLog",
                table: "PaymentLog");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PaymentLog",
                table: "PaymentLog",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLog_CreatedAt",
                table: "PaymentLog",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLog_MerchantId_CreatedAt",
                table: "PaymentLog",
                columns: new[] { "MerchantId", "CreatedAt" });
        }
    }
}
