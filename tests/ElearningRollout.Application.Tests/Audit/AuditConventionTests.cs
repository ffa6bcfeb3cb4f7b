using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Tests.Security;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CostSharing;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Glossary;
using ElearningRollout.Domain.Risks;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Xunit.Abstractions;

namespace ElearningRollout.Application.Tests.Audit;

/// <summary>
/// Guards over the real model: every entity type is placed by the audit convention (audited, or left out with a reason),
/// every aggregate is raced by <see cref="ConcurrencyRaceTests"/>, and which aggregate's version a change moves is what
/// it was when these were lists of types.
/// </summary>
public sealed class AuditConventionTests(ITestOutputHelper output)
{
    private static readonly IModel Model = BuildModel();

    [Fact]
    public void Every_entity_type_of_the_model_is_audited_or_explicitly_left_out()
    {
        var problems = new List<string>();
        foreach (var entityType in Model.GetEntityTypes().OrderBy(t => t.DisplayName()))
        {
            AuditConvention convention;
            try
            {
                convention = AuditConvention.Of(entityType);
            }
            catch (InvalidOperationException e)
            {
                problems.Add($"{entityType.DisplayName()}: {e.Message}");
                continue;
            }

            output.WriteLine(convention.IsAudited
                ? $"audited      {entityType.DisplayName()} (aggregate: {convention.Root?.ClrType.Name ?? "none"}, version of: {convention.VersionedRoot?.ClrType.Name ?? "none"}{(convention.AddedMovesVersion ? ", also when added" : "")})"
                : $"not audited  {entityType.DisplayName()}: {convention.NotAuditedBecause}");
            if (!convention.IsAudited && string.IsNullOrWhiteSpace(convention.NotAuditedBecause))
            {
                problems.Add($"{entityType.DisplayName()} is left out of the audit trail without a reason.");
            }

            if (convention.IsAudited && entityType.FindPrimaryKey() is null)
            {
                problems.Add($"{entityType.DisplayName()} is audited but has no key to name it by: mark it [NotAudited] or give it a key.");
            }

            if (convention.IsAggregateRoot && !convention.IsAudited)
            {
                problems.Add($"{entityType.DisplayName()} is an aggregate but not audited: its versions could not name who changed it.");
            }
        }

        Assert.True(problems.Count == 0, "Neither audited nor explicitly left out:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_reported_and_derived_tables_are_where_they_belong()
    {
        Assert.True(Of<Department>().IsAudited, "Adding a department must be audited.");
        Assert.True(Of<PilotCohort>().IsAudited, "The pilot cohort is part of the rollout.");
        Assert.All(new[] { typeof(AuditEntry), typeof(Notification), typeof(DepartmentMoneySummary), typeof(CostSharingAgreementVersion), typeof(ApplicationUser) },
            type => Assert.False(Of(type).IsAudited, $"{type.Name} is not audited."));
    }

    [Fact]
    public void Every_aggregate_of_the_model_is_raced_by_the_concurrency_race_test()
    {
        var aggregates = Model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(IAggregateRoot).IsAssignableFrom).ToHashSet();

        var notRaced = aggregates.Except(ConcurrencyRaceTests.RacedAggregates).Select(t => t.Name).Order().ToList();
        var notInModel = ConcurrencyRaceTests.RacedAggregates.Except(aggregates).Select(t => t.Name).Order().ToList();

        Assert.True(notRaced.Count == 0,
            $"Not raced by ConcurrencyRaceTests: {string.Join(", ", notRaced)}. Add a RaceTarget for each (two people saving it at once) and its type to RacedAggregates.");
        Assert.True(notInModel.Count == 0, $"ConcurrencyRaceTests races types that are no aggregate of the model: {string.Join(", ", notInModel)}.");
    }

    /// <summary>Today's exact rules, once three lists of types in the interceptor.</summary>
    [Theory]
    [InlineData(typeof(Rollout), typeof(Rollout), false)]
    [InlineData(typeof(RolloutPhase), typeof(Rollout), false)]
    [InlineData(typeof(PhaseSendBack), typeof(Rollout), false)]
    [InlineData(typeof(PilotCohort), typeof(Rollout), true)]
    [InlineData(typeof(ClearanceGate), typeof(ClearanceGate), false)]
    [InlineData(typeof(GateChecklistItem), typeof(ClearanceGate), false)]
    [InlineData(typeof(GateReviewRound), typeof(ClearanceGate), false)]
    [InlineData(typeof(GateCondition), typeof(ClearanceGate), false)]
    [InlineData(typeof(GateComment), null, false)]
    [InlineData(typeof(CostSharingAgreement), typeof(CostSharingAgreement), false)]
    [InlineData(typeof(CostLine), typeof(CostSharingAgreement), false)]
    [InlineData(typeof(ActualSpend), typeof(CostSharingAgreement), false)]
    [InlineData(typeof(AgreementComment), null, false)]
    [InlineData(typeof(GateTemplate), typeof(GateTemplate), false)]
    [InlineData(typeof(GateTemplateItem), typeof(GateTemplate), false)]
    [InlineData(typeof(RiskEntry), typeof(RiskEntry), false)]
    [InlineData(typeof(GlossaryTerm), typeof(GlossaryTerm), false)]
    [InlineData(typeof(Vendor), typeof(Vendor), false)]
    [InlineData(typeof(VendorCertification), typeof(Vendor), true)]
    [InlineData(typeof(VendorEngagement), typeof(VendorEngagement), false)]
    [InlineData(typeof(TechnicalRequirement), typeof(VendorEngagement), true)]
    [InlineData(typeof(CourseDeliverable), typeof(VendorEngagement), true)]
    [InlineData(typeof(VendorSelection), typeof(VendorSelection), false)]
    [InlineData(typeof(SelectionCriterion), typeof(VendorSelection), true)]
    [InlineData(typeof(SelectionCandidate), typeof(VendorSelection), true)]
    [InlineData(typeof(SelectionEvaluator), typeof(VendorSelection), true)]
    [InlineData(typeof(CandidateScore), null, false)]
    [InlineData(typeof(DefaultSelectionCriteria), typeof(DefaultSelectionCriteria), false)]
    [InlineData(typeof(DefaultCriterion), typeof(DefaultSelectionCriteria), true)]
    [InlineData(typeof(Department), null, false)]
    public void A_change_moves_the_version_of_its_aggregate(Type changed, Type? versionOf, bool alsoWhenAdded)
    {
        var convention = Of(changed);

        Assert.True(convention.IsAudited);
        Assert.Equal(versionOf, convention.VersionedRoot?.ClrType);
        Assert.Equal(alsoWhenAdded, convention.AddedMovesVersion);
    }

    [Theory]
    [InlineData(typeof(GateComment), typeof(ClearanceGate))]
    [InlineData(typeof(AgreementComment), typeof(CostSharingAgreement))]
    [InlineData(typeof(CandidateScore), typeof(VendorSelection))]
    [InlineData(typeof(GateChecklistItem), typeof(ClearanceGate))]
    [InlineData(typeof(RolloutPhase), typeof(Rollout))]
    public void A_part_finds_its_parent_by_the_model_even_when_it_leaves_the_version_alone(Type part, Type parent)
    {
        Assert.Equal(parent, Of(part).Parent?.PrincipalEntityType.ClrType);
    }

    private static AuditConvention Of<T>() => Of(typeof(T));

    private static AuditConvention Of(Type type) => AuditConvention.Of(Model.GetEntityTypes().Single(t => t.ClrType == type));

    private static IModel BuildModel()
    {
        // The model only: nothing connects.
        using var db = new ElearningRolloutDbContext(new DbContextOptionsBuilder<ElearningRolloutDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model;
    }
}
