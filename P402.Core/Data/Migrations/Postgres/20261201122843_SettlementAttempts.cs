using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace P402.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SettlementAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SettlementAttempts",
                columns: table => new
                {
                    SettlementId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    TxHash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    Nonce = table.Column<long>(type: "bigint", nullable: false),
                    Signer = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    MaxFeePerGasWei = table.Column<long>(type: "bigint", nullable: false),
                    MaxPriorityFeePerGasWei = table.Column<long>(type: "bigint", nullable: false),
                    GasLimit = table.Column<long>(type: "bigint", nullable: false),
                    RawTransaction = table.Column<string>(type: "text", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: true),
                    GasUsed = table.Column<long>(type: "bigint", nullable: true),
                    EffectiveGasPriceWei = table.Column<long>(type: "bigint", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementAttempts", x => new { x.SettlementId, x.Number });
                    table.ForeignKey(
                        name: "FK_SettlementAttempts_Settlements_SettlementId",
                        column: x => x.SettlementId,
                        principalTable: "Settlements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementAttempts_Outcome",
                table: "SettlementAttempts",
                column: "Outcome");

            migrationBuilder.CreateIndex(
                name: "IX_SettlementAttempts_TxHash",
                table: "SettlementAttempts",
                column: "TxHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SettlementAttempts");
        }
    }
}
