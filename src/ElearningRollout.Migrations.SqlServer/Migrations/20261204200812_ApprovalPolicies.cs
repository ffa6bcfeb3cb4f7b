using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElearningRollout.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ApprovalPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SetById",
                table: "GateConditions",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovalRule",
                table: "ClearanceGates",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EscalateToId",
                table: "ClearanceGates",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PolicyVersion",
                table: "ClearanceGates",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RequiredApprovals",
                table: "ClearanceGates",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "ApprovalPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PolicyVersion = table.Column<int>(type: "int", nullable: false),
                    Rule = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    RequiredApprovals = table.Column<int>(type: "int", nullable: false),
                    DeadlineWorkingDays = table.Column<int>(type: "int", nullable: false),
                    EscalateToId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PublishedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    TemplateId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovalPolicies_GateTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "GateTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GateReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoundNumber = table.Column<int>(type: "int", nullable: false),
                    ReviewerId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    GroupName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Decision = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    DecidedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedForId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Rationale = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ReassignedFromId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    GateId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateReviews_ClearanceGates_GateId",
                        column: x => x.GateId,
                        principalTable: "ClearanceGates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewerAbsences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReviewerId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    StandInId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewerAbsences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApprovalPolicyMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GroupName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    PolicyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalPolicyMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovalPolicyMembers_ApprovalPolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "ApprovalPolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalPolicies_TemplateId",
                table: "ApprovalPolicies",
                column: "TemplateId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalPolicyMembers_PolicyId",
                table: "ApprovalPolicyMembers",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_GateReviews_GateId",
                table: "GateReviews",
                column: "GateId");

            migrationBuilder.CreateIndex(
                name: "IX_GateReviews_ReviewerId",
                table: "GateReviews",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewerAbsences_ReviewerId_Until",
                table: "ReviewerAbsences",
                columns: new[] { "ReviewerId", "Until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovalPolicyMembers");

            migrationBuilder.DropTable(
                name: "GateReviews");

            migrationBuilder.DropTable(
                name: "ReviewerAbsences");

            migrationBuilder.DropTable(
                name: "ApprovalPolicies");

            migrationBuilder.DropColumn(
                name: "SetById",
                table: "GateConditions");

            migrationBuilder.DropColumn(
                name: "ApprovalRule",
                table: "ClearanceGates");

            migrationBuilder.DropColumn(
                name: "EscalateToId",
                table: "ClearanceGates");

            migrationBuilder.DropColumn(
                name: "PolicyVersion",
                table: "ClearanceGates");

            migrationBuilder.DropColumn(
                name: "RequiredApprovals",
                table: "ClearanceGates");
        }
    }
}
