using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElearningRollout.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DepartmentMoneySummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DepartmentMoneySummaries",
                columns: table => new
                {
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommittedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ActualCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentMoneySummaries", x => new { x.AgreementId, x.Department, x.Currency });
                    table.ForeignKey(
                        name: "FK_DepartmentMoneySummaries_CostSharingAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "CostSharingAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentMoneySummaries_RolloutId_Department_Currency_CommittedCents_ActualCents",
                table: "DepartmentMoneySummaries",
                columns: new[] { "RolloutId", "Department", "Currency", "CommittedCents", "ActualCents" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DepartmentMoneySummaries");
        }
    }
}
