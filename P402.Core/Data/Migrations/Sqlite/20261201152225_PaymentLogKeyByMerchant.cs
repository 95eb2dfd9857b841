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
            // The table rebuild EF scaffolds for a new primary key runs "PRAGMA foreign_keys = 0" outside the migration's
            // transaction (and warns so on every new database). No table refers to PaymentLog, so the rebuild needs no pragma:
            // the same statements, in the migration's one transaction, every row kept.
            migrationBuilder.Sql("""
                DROP INDEX "IX_PaymentLog_CreatedAt";
                DROP INDEX "IX_PaymentLog_MerchantId_CreatedAt";
                CREATE TABLE "ef_temp_PaymentLog" (
                    "MerchantId" TEXT NOT NULL,
                    "Id" TEXT NOT NULL,
                    "Amount" INTEGER NULL,
                    "ApiKeyId" TEXT NULL,
                    "CreatedAt" TEXT NOT NULL,
                    "Message" TEXT NULL,
                    "Network" TEXT NULL,
                    "Operation" TEXT NOT NULL,
                    "PayTo" TEXT NULL,
                    "Payer" TEXT NULL,
                    "Reason" TEXT NULL,
                    "RequestId" TEXT NOT NULL,
                    "Resource" TEXT NULL,
                    "SettlementId" TEXT NULL,
                    "StatusCode" INTEGER NOT NULL,
                    "TxHash" TEXT NULL,
                    "Valid" INTEGER NOT NULL,
                    CONSTRAINT "PK_PaymentLog" PRIMARY KEY ("MerchantId", "Id"),
                    CONSTRAINT "FK_PaymentLog_Merchants_MerchantId" FOREIGN KEY ("MerchantId") REFERENCES "Merchants" ("Id") ON DELETE CASCADE
                );
                INSERT INTO "ef_temp_PaymentLog" ("MerchantId", "Id", "Amount", "ApiKeyId", "CreatedAt", "Message", "Network", "Operation", "PayTo",
                    "Payer", "Reason", "RequestId", "Resource", "SettlementId", "StatusCode", "TxHash", "Valid")
                SELECT "MerchantId", "Id", "Amount", "ApiKeyId", "CreatedAt", "Message", "Network", "Operation", "PayTo",
                    "Payer", "Reason", "RequestId", "Resource", "SettlementId", "StatusCode", "TxHash", "Valid"
                FROM "PaymentLog";
                DROP TABLE "PaymentLog";
                ALTER TABLE "ef_temp_PaymentLog" RENAME TO "PaymentLog";
                CREATE INDEX "IX_PaymentLog_MerchantId_Payer" ON "PaymentLog" ("MerchantId", "Payer");
                CREATE INDEX "IX_PaymentLog_MerchantId_RequestId" ON "PaymentLog" ("MerchantId", "RequestId");
                """);
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
