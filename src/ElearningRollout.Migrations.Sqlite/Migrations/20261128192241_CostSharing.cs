using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElearningRollout.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CostSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CostSharingAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TermMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    LastLineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainingSignedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    TrainingSignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ItSignedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ItSignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CostSharingAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CostSharingAgreements_Rollouts_RolloutId",
                        column: x => x.RolloutId,
                        principalTable: "Rollouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActualSpends",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CostLineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActualSpends", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActualSpends_CostSharingAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "CostSharingAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CostLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Recurrence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    VendorEngagementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Split = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CostLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CostLines_CostSharingAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "CostSharingAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CostSharingAgreementVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    TermMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainingSignedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TrainingSignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ItSignedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ItSignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CostSharingAgreementVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CostSharingAgreementVersions_CostSharingAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "CostSharingAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActualSpends_AgreementId",
                table: "ActualSpends",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_ActualSpends_CostLineId",
                table: "ActualSpends",
                column: "CostLineId");

            migrationBuilder.CreateIndex(
                name: "IX_CostLines_AgreementId",
                table: "CostLines",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_CostSharingAgreements_RolloutId",
                table: "CostSharingAgreements",
                column: "RolloutId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CostSharingAgreementVersions_AgreementId_Number",
                table: "CostSharingAgreementVersions",
                columns: new[] { "AgreementId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActualSpends");

            migrationBuilder.DropTable(
                name: "CostLines");

            migrationBuilder.DropTable(
                name: "CostSharingAgreementVersions");

            migrationBuilder.DropTable(
                name: "CostSharingAgreements");
        }
    }
}
