using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ElearningRollout.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RolloutsGatesRisksAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Rollouts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    BusinessCase = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TrainingOwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ItLiaisonId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ExecutiveSponsorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Audiences = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    EstimatedLearners = table.Column<int>(type: "INTEGER", nullable: false),
                    PeakConcurrentLearners = table.Column<int>(type: "INTEGER", nullable: false),
                    AccessChannels = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    HostingModel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Integrations = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ContentSource = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PilotCohortName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PilotCohortSize = table.Column<int>(type: "INTEGER", nullable: true),
                    PilotStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PilotEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TargetGoLive = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LifecycleStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Health = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HealthReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CurrentPhase = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItInvolvementProfile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rollouts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClearanceGates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GuardedPhase = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClearanceGates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClearanceGates_Rollouts_RolloutId",
                        column: x => x.RolloutId,
                        principalTable: "Rollouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PhaseSendBacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SentBackById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SentBackAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseSendBacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhaseSendBacks_Rollouts_RolloutId",
                        column: x => x.RolloutId,
                        principalTable: "Rollouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RaisedByDepartment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OwningDepartment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Likelihood = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RaisedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RaisedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskEntries_Rollouts_RolloutId",
                        column: x => x.RolloutId,
                        principalTable: "Rollouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RolloutPhases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlannedEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActualStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActualEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SkipReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RolloutPhases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RolloutPhases_Rollouts_RolloutId",
                        column: x => x.RolloutId,
                        principalTable: "Rollouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GateChecklistItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SetById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SetAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    GateId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateChecklistItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateChecklistItems_ClearanceGates_GateId",
                        column: x => x.GateId,
                        principalTable: "ClearanceGates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GateConditions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MetAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    MetById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    GateId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateConditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateConditions_ClearanceGates_GateId",
                        column: x => x.GateId,
                        principalTable: "ClearanceGates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GateReviewRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ReviewStartedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewStartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    GateId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateReviewRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateReviewRounds_ClearanceGates_GateId",
                        column: x => x.GateId,
                        principalTable: "ClearanceGates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_RolloutId",
                table: "AuditEntries",
                column: "RolloutId");

            migrationBuilder.CreateIndex(
                name: "IX_ClearanceGates_RolloutId_Kind",
                table: "ClearanceGates",
                columns: new[] { "RolloutId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClearanceGates_State_DueDate",
                table: "ClearanceGates",
                columns: new[] { "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_GateChecklistItems_GateId",
                table: "GateChecklistItems",
                column: "GateId");

            migrationBuilder.CreateIndex(
                name: "IX_GateConditions_GateId",
                table: "GateConditions",
                column: "GateId");

            migrationBuilder.CreateIndex(
                name: "IX_GateReviewRounds_GateId",
                table: "GateReviewRounds",
                column: "GateId");

            migrationBuilder.CreateIndex(
                name: "IX_PhaseSendBacks_RolloutId",
                table: "PhaseSendBacks",
                column: "RolloutId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskEntries_RolloutId_Status",
                table: "RiskEntries",
                columns: new[] { "RolloutId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RolloutPhases_RolloutId",
                table: "RolloutPhases",
                column: "RolloutId");

            migrationBuilder.CreateIndex(
                name: "IX_Rollouts_Code",
                table: "Rollouts",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rollouts_LifecycleStatus",
                table: "Rollouts",
                column: "LifecycleStatus");

            migrationBuilder.CreateIndex(
                name: "IX_Rollouts_Sequence",
                table: "Rollouts",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rollouts_TargetGoLive",
                table: "Rollouts",
                column: "TargetGoLive");

            migrationBuilder.CreateIndex(
                name: "IX_Rollouts_TrainingOwnerId",
                table: "Rollouts",
                column: "TrainingOwnerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "GateChecklistItems");

            migrationBuilder.DropTable(
                name: "GateConditions");

            migrationBuilder.DropTable(
                name: "GateReviewRounds");

            migrationBuilder.DropTable(
                name: "PhaseSendBacks");

            migrationBuilder.DropTable(
                name: "RiskEntries");

            migrationBuilder.DropTable(
                name: "RolloutPhases");

            migrationBuilder.DropTable(
                name: "ClearanceGates");

            migrationBuilder.DropTable(
                name: "Rollouts");
        }
    }
}
