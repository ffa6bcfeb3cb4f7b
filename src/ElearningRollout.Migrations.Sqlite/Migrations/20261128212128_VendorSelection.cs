using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElearningRollout.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VendorSelection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DefaultSelectionCriteriaSets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DefaultSelectionCriteriaSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VendorSelections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EngagementType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    WinnerVendorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WinningEngagementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VendorSelections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VendorSelections_Rollouts_RolloutId",
                        column: x => x.RolloutId,
                        principalTable: "Rollouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VendorSelections_Vendors_WinnerVendorId",
                        column: x => x.WinnerVendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DefaultSelectionCriteria",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    MustHave = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    SetId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DefaultSelectionCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DefaultSelectionCriteria_DefaultSelectionCriteriaSets_SetId",
                        column: x => x.SetId,
                        principalTable: "DefaultSelectionCriteriaSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CandidateScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvaluatorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriterionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SelectionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CandidateScores_VendorSelections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "VendorSelections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelectionCandidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SelectionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionCandidates_VendorSelections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "VendorSelections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SelectionCandidates_Vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelectionCriteria",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    MustHave = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    SelectionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionCriteria_VendorSelections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "VendorSelections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelectionEvaluators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvaluatorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SelectionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelectionEvaluators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelectionEvaluators_VendorSelections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "VendorSelections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateScores_SelectionId_EvaluatorId_VendorId_CriterionId",
                table: "CandidateScores",
                columns: new[] { "SelectionId", "EvaluatorId", "VendorId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DefaultSelectionCriteria_SetId",
                table: "DefaultSelectionCriteria",
                column: "SetId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionCandidates_SelectionId_VendorId",
                table: "SelectionCandidates",
                columns: new[] { "SelectionId", "VendorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelectionCandidates_VendorId",
                table: "SelectionCandidates",
                column: "VendorId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionCriteria_SelectionId",
                table: "SelectionCriteria",
                column: "SelectionId");

            migrationBuilder.CreateIndex(
                name: "IX_SelectionEvaluators_SelectionId_EvaluatorId",
                table: "SelectionEvaluators",
                columns: new[] { "SelectionId", "EvaluatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VendorSelections_RolloutId",
                table: "VendorSelections",
                column: "RolloutId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VendorSelections_WinnerVendorId",
                table: "VendorSelections",
                column: "WinnerVendorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CandidateScores");

            migrationBuilder.DropTable(
                name: "DefaultSelectionCriteria");

            migrationBuilder.DropTable(
                name: "SelectionCandidates");

            migrationBuilder.DropTable(
                name: "SelectionCriteria");

            migrationBuilder.DropTable(
                name: "SelectionEvaluators");

            migrationBuilder.DropTable(
                name: "DefaultSelectionCriteriaSets");

            migrationBuilder.DropTable(
                name: "VendorSelections");
        }
    }
}
