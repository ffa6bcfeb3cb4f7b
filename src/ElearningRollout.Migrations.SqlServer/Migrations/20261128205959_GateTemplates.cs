using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElearningRollout.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class GateTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FollowsAgreement",
                table: "GateChecklistItems",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TemplateVersion",
                table: "ClearanceGates",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "GateTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    GuardedPhase = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    RequiredFor = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    OnlyWhenVendorInvolved = table.Column<bool>(type: "bit", nullable: false),
                    TemplateVersion = table.Column<int>(type: "int", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PublishedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GateTemplateItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    IsRequired = table.Column<bool>(type: "bit", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    FollowsAgreement = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    TemplateId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateTemplateItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateTemplateItems_GateTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "GateTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GateTemplateItems_TemplateId",
                table: "GateTemplateItems",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_GateTemplates_Kind",
                table: "GateTemplates",
                column: "Kind",
                unique: true);

            // Gates made before templates were data came from the built-in content, version 1; their two Budget agreement
            // items that follow the cost-sharing agreement get the mark that BudgetGateLink now reads.
            migrationBuilder.Sql(
                "UPDATE GateChecklistItems SET FollowsAgreement = 'EveryLineCategorisedAndSplit' "
                + "WHERE Text = 'Every cost line has a category and an owner department split' "
                + "AND GateId IN (SELECT Id FROM ClearanceGates WHERE Kind = 'BudgetAgreement')");
            migrationBuilder.Sql(
                "UPDATE GateChecklistItems SET FollowsAgreement = 'AgreementSigned' "
                + "WHERE Text LIKE 'Recurring costs (licences, hosting, support) priced%' "
                + "AND GateId IN (SELECT Id FROM ClearanceGates WHERE Kind = 'BudgetAgreement')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GateTemplateItems");

            migrationBuilder.DropTable(
                name: "GateTemplates");

            migrationBuilder.DropColumn(
                name: "FollowsAgreement",
                table: "GateChecklistItems");

            migrationBuilder.DropColumn(
                name: "TemplateVersion",
                table: "ClearanceGates");
        }
    }
}
