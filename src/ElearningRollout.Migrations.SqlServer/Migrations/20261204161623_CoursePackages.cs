using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElearningRollout.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CoursePackages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoursePackageChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    StoredFile = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PackageBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Report = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CheckedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoursePackageChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoursePackageChecks_VendorEngagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "VendorEngagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoursePackageChecks_EngagementId",
                table: "CoursePackageChecks",
                column: "EngagementId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoursePackageChecks");
        }
    }
}
