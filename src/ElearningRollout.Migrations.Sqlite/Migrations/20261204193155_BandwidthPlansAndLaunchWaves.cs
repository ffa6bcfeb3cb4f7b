using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElearningRollout.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BandwidthPlansAndLaunchWaves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BandwidthPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    AllowedSharePercent = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BandwidthPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BandwidthPlans_Rollouts_RolloutId",
                        column: x => x.RolloutId,
                        principalTable: "Rollouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BandwidthSites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Learners = table.Column<int>(type: "INTEGER", nullable: false),
                    PeakOnlinePercent = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkMbps = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    Media = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    VideoKbps = table.Column<int>(type: "INTEGER", nullable: true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BandwidthSites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BandwidthSites_BandwidthPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "BandwidthPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LaunchWaves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Learners = table.Column<int>(type: "INTEGER", nullable: false),
                    Allocations = table.Column<string>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LaunchWaves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LaunchWaves_BandwidthPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "BandwidthPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BandwidthPlans_RolloutId",
                table: "BandwidthPlans",
                column: "RolloutId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BandwidthSites_PlanId",
                table: "BandwidthSites",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_LaunchWaves_PlanId",
                table: "LaunchWaves",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_LaunchWaves_StartsOn",
                table: "LaunchWaves",
                column: "StartsOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BandwidthSites");

            migrationBuilder.DropTable(
                name: "LaunchWaves");

            migrationBuilder.DropTable(
                name: "BandwidthPlans");
        }
    }
}
