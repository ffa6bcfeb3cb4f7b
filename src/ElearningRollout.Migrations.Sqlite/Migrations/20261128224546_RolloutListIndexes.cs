using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElearningRollout.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RolloutListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rollouts_LifecycleStatus",
                table: "Rollouts");

            migrationBuilder.CreateIndex(
                name: "IX_Rollouts_Health_Code",
                table: "Rollouts",
                columns: new[] { "Health", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Rollouts_LifecycleStatus_Code",
                table: "Rollouts",
                columns: new[] { "LifecycleStatus", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rollouts_Health_Code",
                table: "Rollouts");

            migrationBuilder.DropIndex(
                name: "IX_Rollouts_LifecycleStatus_Code",
                table: "Rollouts");

            migrationBuilder.CreateIndex(
                name: "IX_Rollouts_LifecycleStatus",
                table: "Rollouts",
                column: "LifecycleStatus");
        }
    }
}
