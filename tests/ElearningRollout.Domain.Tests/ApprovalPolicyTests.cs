using CsCheck;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Tests;

/// <summary>Approval policies per gate kind: what administrators may publish, and how a round's outcome follows its reviewers.</summary>
public sealed class ApprovalPolicyTests
{
    private const string Security = "Security";
    private const string Infrastructure = "Infrastructure";

    private static GateTemplate SecurityTemplate() => Given.Template(GateKind.SecurityReview, PhaseKind.VendorSelection);

    private static ApprovalPolicyEdit MOfN(int m, params string[] named) => new(ApprovalRule.MOfNamedReviewers, m, named, [], 10, null);

    private static ApprovalPolicyEdit TwoGroups(string[] security, string[] infrastructure, string? escalateTo = null) => new(
        ApprovalRule.OneFromEachGroup, 0, [], [new ReviewerGroup(Security, security), new ReviewerGroup(Infrastructure, infrastructure)], 5, escalateTo);

    private static ApprovalPolicy Published(ApprovalPolicyEdit edit)
    {
        var template = SecurityTemplate();
        template.PublishApprovalPolicy(edit, "admin-1", Given.Now);
        return template.ApprovalPolicy;
    }

    private static ClearanceGate SubmittedUnder(ApprovalPolicy policy, string submitter = Given.TrainerId)
    {
        var gate = Given.ADraftGate();
        Given.MeetChecklist(gate);
        gate.AssignReviewer(null, Given.Today.AddDays(14));
        gate.Submit(submitter, Given.Now, policy);
        return gate;
    }

    [Fact]
    public void A_template_ships_with_version_1_of_any_one_reviewer_in_ten_working_days()
    {
        var policy = SecurityTemplate().ApprovalPolicy;

        Assert.Equal((1, ApprovalRule.AnyOneReviewer, 1, 10, (string?)null), (policy.PolicyVersion, policy.Rule, policy.RequiredApprovals, policy.DeadlineWorkingDays, policy.EscalateToId));
        Assert.Equal("any one IT lead", policy.Describe(GateApprovalPolicy.ItReview));
    }

    [Fact]
    public void Publishing_makes_the_next_version_and_leaves_the_checklist_version_alone()
    {
        var template = SecurityTemplate();
        template.PublishApprovalPolicy(TwoGroups(["sec-1", "sec-2"], ["infra-1"], escalateTo: "cio-1"), "admin-1", Given.Now);

        Assert.Equal(2, template.ApprovalPolicy.PolicyVersion);
        Assert.Equal(1, template.TemplateVersion);
        Assert.Equal(2, template.ApprovalPolicy.RequiredApprovals);
        Assert.Equal([Security, Infrastructure], template.ApprovalPolicy.Groups.Select(g => g.Name));
        Assert.Equal("cio-1", template.ApprovalPolicy.EscalateToId);
        Assert.Equal("one IT lead from each of Security and Infrastructure", template.ApprovalPolicy.Describe(GateApprovalPolicy.ItReview));
    }

    [Theory]
    [InlineData(0, "between 1 and the 2 named reviewers")]
    [InlineData(3, "between 1 and the 2 named reviewers")]
    public void M_of_n_needs_an_m_the_named_reviewers_can_reach(int m, string refusal)
        => Assert.Contains(refusal, Refusal.Of(() => Published(MOfN(m, "it-1", "it-2"))));

    [Fact]
    public void Publish_refuses_what_no_quorum_could_mean()
    {
        Assert.Contains("at least one reviewer", Refusal.Of(() => Published(MOfN(1))));
        Assert.Contains("only once", Refusal.Of(() => Published(MOfN(1, "it-1", "it-1"))));
        Assert.Contains("at least two groups", Refusal.Of(() => Published(new(ApprovalRule.OneFromEachGroup, 0, [], [new ReviewerGroup(Security, ["it-1"])], 5, null))));
        Assert.Contains("only one group", Refusal.Of(() => Published(TwoGroups(["it-1", "it-2"], ["it-2"]))));
        Assert.Contains("nobody in it", Refusal.Of(() => Published(TwoGroups(["it-1"], []))));
        Assert.Contains("name of its own", Refusal.Of(() => Published(new(ApprovalRule.OneFromEachGroup, 0, [], [new ReviewerGroup("A", ["it-1"]), new ReviewerGroup("a", ["it-2"])], 5, null))));
        Assert.Contains("working days", Refusal.Of(() => Published(MOfN(1, "it-1") with { DeadlineWorkingDays = 0 })));
        Assert.Contains("working days", Refusal.Of(() => Published(MOfN(1, "it-1") with { DeadlineWorkingDays = ApprovalPolicy.MaxDeadlineWorkingDays + 1 })));
    }

    [Fact]
    public void Publishing_the_same_policy_again_is_refused()
    {
        var template = SecurityTemplate();
        template.PublishApprovalPolicy(MOfN(1, "it-1", "it-2"), "admin-1", Given.Now);

        Assert.Contains("Nothing has changed since approval policy version 2", Refusal.Of(() => template.PublishApprovalPolicy(MOfN(1, "it-1", "it-2"), "admin-1", Given.Now)));
    }

    [Fact]
    public void A_gate_records_the_policy_version_and_one_review_per_group_member()
    {
        var gate = SubmittedUnder(Published(TwoGroups(["sec-1", "sec-2"], ["infra-1"])));

        Assert.Equal(2, gate.PolicyVersion);
        Assert.Equal(ApprovalRule.OneFromEachGroup, gate.ApprovalRule);
        Assert.Equal([("sec-1", Security), ("sec-2", Security), ("infra-1", Infrastructure)], gate.CurrentReviews.Select(r => (r.ReviewerId!, r.GroupName!)));
        Assert.All(gate.CurrentReviews, r => Assert.Equal(Given.Today.AddDays(14), r.DueDate));
    }

    [Fact]
    public void A_security_review_under_one_from_each_of_two_groups_needs_both()
    {
        var gate = SubmittedUnder(Published(TwoGroups(["sec-1", "sec-2"], ["infra-1"])));

        gate.Approve(Given.ItLead("sec-2"), "Pen test report read.", Given.Now);
        Assert.Equal(GateState.InReview, gate.State);
        Assert.Contains("already recorded your decision", Refusal.Of(() => gate.Approve(Given.ItLead("sec-2"), null, Given.Now)));

        gate.Approve(Given.ItLead("infra-1"), "Bandwidth fine.", Given.Now);

        Assert.Equal(GateState.Approved, gate.State);
        Assert.Equal("infra-1", gate.CurrentRound!.DecidedById);
        Assert.Null(gate.CurrentReviews.Single(r => r.ReviewerId == "sec-1").Decision);
    }

    [Fact]
    public void Only_the_reviewers_the_policy_names_decide_it()
    {
        var gate = SubmittedUnder(Published(MOfN(2, "it-1", "it-2", "it-3")));

        Assert.Contains("not one of this gate's reviewers", Refusal.Of(() => gate.Approve(Given.ItLead("it-9"), null, Given.Now)));
        Assert.False(gate.MayDecide(Given.ItLead("it-9")));
        Assert.True(gate.MayDecide(Given.ItLead("it-1")));
    }

    [Fact]
    public void Any_rejection_rejects_and_the_conditions_of_that_round_never_apply()
    {
        var gate = SubmittedUnder(Published(MOfN(2, "it-1", "it-2", "it-3")));
        gate.ApproveWithConditions(Given.ItLead("it-1"), "Fine with SSO.", [new NewCondition("Enable SSO", "owner-1", Given.Today.AddDays(5))], Given.Now);

        gate.Reject(Given.ItLead("it-3"), "No data processing agreement.", Given.Now);

        Assert.Equal(GateState.Rejected, gate.State);
        Assert.Empty(gate.Conditions);
        Assert.Equal(GateDecision.ApprovedWithConditions, gate.CurrentReviews.Single(r => r.ReviewerId == "it-1").Decision);
    }

    [Fact]
    public void The_conditions_of_an_approval_by_several_reviewers_are_the_union_of_theirs()
    {
        var gate = SubmittedUnder(Published(MOfN(2, "it-1", "it-2")));
        gate.ApproveWithConditions(Given.ItLead("it-1"), "SSO first.", [new NewCondition("Enable SSO", "owner-1", Given.Today.AddDays(5))], Given.Now);
        gate.ApproveWithConditions(Given.ItLead("it-2"), "Backups too.", [new NewCondition("Nightly backups", "owner-2", Given.Today.AddDays(5))], Given.Now);

        Assert.Equal(GateState.ApprovedWithConditions, gate.State);
        Assert.Equal(["Enable SSO", "Nightly backups"], gate.Conditions.Select(c => c.Text));
        Assert.Equal(["it-1", "it-2"], gate.Conditions.Select(c => c.SetById));
    }

    [Fact]
    public void A_condition_set_by_one_reviewer_is_not_met_by_them()
    {
        var gate = SubmittedUnder(Published(MOfN(2, "it-1", "it-2")));
        gate.ApproveWithConditions(Given.ItLead("it-1"), "SSO first.", [new NewCondition("Enable SSO", "it-2", Given.Today.AddDays(5))], Given.Now);
        gate.Approve(Given.ItLead("it-2"), null, Given.Now);

        // it-2 owns it and did not set it, so it-2 meets it; the setter it-1 could not.
        gate.MeetCondition(gate.Conditions[0].Id, "it-2", Given.Now);
        Assert.True(gate.Conditions[0].IsMet);
    }

    [Fact]
    public void The_submitter_never_reviews_their_own_submission_and_a_quorum_that_needs_them_is_refused()
    {
        var policy = Published(MOfN(2, "it-1", "it-2", "it-3"));
        var gate = SubmittedUnder(policy, submitter: "it-1");
        Assert.Equal(["it-2", "it-3"], gate.CurrentReviews.Select(r => r.ReviewerId));

        var draft = Given.ADraftGate();
        Assert.Contains("cannot be reached without you", Refusal.Of(() => draft.Submit("it-1", Given.Now, Published(MOfN(3, "it-1", "it-2", "it-3")))));
        Assert.Contains("Nobody but you", Refusal.Of(() => Given.ADraftGate().Submit("sec-1", Given.Now, Published(TwoGroups(["sec-1"], ["infra-1"])))));
    }

    [Fact]
    public void Under_any_one_reviewer_any_it_lead_decides_as_before()
    {
        var gate = SubmittedUnder(SecurityTemplate().ApprovalPolicy);
        gate.Approve(Given.ItLead("it-7"), null, Given.Now);

        Assert.Equal(GateState.Approved, gate.State);
        Assert.Equal("it-7", gate.CurrentReviews.Single().DecidedById);
        Assert.Equal(1, gate.PolicyVersion);
    }

    [Fact]
    public void A_gate_submitted_before_reviews_were_recorded_one_by_one_is_decided_as_any_one_reviewer()
    {
        // Submit without a policy: the round carries the single review of the assigned reviewer, as old rounds are read.
        var gate = Given.ASubmittedGate();
        Assert.Null(gate.PolicyVersion);

        gate.Reject(Given.ItLead(), "Missing questionnaire.", Given.Now);
        Assert.Equal(GateState.Rejected, gate.State);
    }

    [Fact]
    public void An_administrator_reassigns_an_undecided_review_to_someone_who_does_not_review_the_round_yet()
    {
        var gate = SubmittedUnder(Published(MOfN(2, "it-1", "it-2")));
        var review = gate.CurrentReviews.Single(r => r.ReviewerId == "it-1");

        Assert.Contains("one person counts once", Refusal.Of(() => gate.ReassignReview(review.Id, "it-2")));
        Assert.Contains("submitted", Refusal.Of(() => gate.ReassignReview(review.Id, Given.TrainerId)));
        gate.ReassignReview(review.Id, "it-5");

        Assert.Equal(("it-5", "it-1"), (review.ReviewerId, review.ReassignedFromId));
        Assert.Contains("not one of this gate's reviewers", Refusal.Of(() => gate.Approve(Given.ItLead("it-1"), null, Given.Now)));
        gate.Approve(Given.ItLead("it-5"), null, Given.Now);
        Assert.Contains("already decided", Refusal.Of(() => gate.ReassignReview(review.Id, "it-6")));
    }

    private enum Vote
    {
        Approve,
        WithConditions,
        Reject,
    }

    /// <summary>
    /// For random policies and random decisions in random order, the gate's state after each decision is the policy's
    /// rule applied to the decisions so far, counted here from scratch: the first rejection ends the round rejected;
    /// otherwise it clears once the approvals reach M (or every group has one), with conditions if any approval had them.
    /// </summary>
    [Fact]
    public void For_random_decisions_the_outcome_is_the_policys_rule()
    {
        var votes = Gen.Enum<Vote>();
        var mOfN = Gen.Int[1, 5].SelectMany(n => Gen.Int[1, n].Select(m => (Rule: ApprovalRule.MOfNamedReviewers, M: m, Groups: Enumerable.Repeat(1, n).ToArray())));
        var groups = Gen.Int[1, 2].Array[2, 4].Select(sizes => (Rule: ApprovalRule.OneFromEachGroup, M: sizes.Length, Groups: sizes));
        var anyOne = Gen.Const((Rule: ApprovalRule.AnyOneReviewer, M: 1, Groups: new[] { 1 }));
        var cases = Gen.OneOf(mOfN, groups, anyOne).SelectMany(policy =>
            Gen.Select(votes.Array[policy.Groups.Sum()], Gen.Int.Array[policy.Groups.Sum()]).Select((v, order) => (policy, v, order)));

        cases.Sample(c =>
        {
            var (policy, decisions, order) = c;
            var people = policy.Groups.SelectMany((size, g) => Enumerable.Range(1, size).Select(i => (Id: $"it-{g}-{i}", Group: $"G{g}"))).ToList();
            var edit = policy.Rule switch
            {
                ApprovalRule.MOfNamedReviewers => new ApprovalPolicyEdit(policy.Rule, policy.M, [.. people.Select(p => p.Id)], [], 10, null),
                ApprovalRule.OneFromEachGroup => new ApprovalPolicyEdit(policy.Rule, 0, [],
                    [.. people.GroupBy(p => p.Group).Select(g => new ReviewerGroup(g.Key, [.. g.Select(p => p.Id)]))], 10, null),
                _ => new ApprovalPolicyEdit(ApprovalRule.AnyOneReviewer, 1, [], [], 11, null),
            };
            var gate = SubmittedUnder(Published(edit));
            var sequence = people.Select((p, i) => (Person: p, Vote: decisions[i], Order: order[i])).OrderBy(x => x.Order).ToList();
            var recorded = new List<((string Id, string Group) Person, Vote Vote)>();
            foreach (var (person, vote, _) in sequence)
            {
                if (!gate.AwaitsDecision)
                {
                    break;
                }

                var reviewer = Given.ItLead(person.Id);
                switch (vote)
                {
                    case Vote.Approve:
                        gate.Approve(reviewer, null, Given.Now);
                        break;
                    case Vote.WithConditions:
                        gate.ApproveWithConditions(reviewer, "If.", [new NewCondition($"Condition of {person.Id}", "owner-1", Given.Today)], Given.Now);
                        break;
                    default:
                        gate.Reject(reviewer, "No.", Given.Now);
                        break;
                }

                recorded.Add((person, vote));
                Assert.Equal(Expected(policy.Rule, policy.M, people.Select(p => p.Group).Distinct().Count(), recorded), gate.State);
            }
        }, iter: 2000);
    }

    private static GateState Expected(ApprovalRule rule, int m, int groupCount, List<((string Id, string Group) Person, Vote Vote)> recorded)
    {
        if (recorded.Any(r => r.Vote == Vote.Reject))
        {
            return GateState.Rejected;
        }

        var approvals = recorded.Where(r => r.Vote != Vote.Reject).ToList();
        var cleared = rule switch
        {
            ApprovalRule.OneFromEachGroup => approvals.Select(a => a.Person.Group).Distinct().Count() == groupCount,
            ApprovalRule.MOfNamedReviewers => approvals.Count >= m,
            _ => approvals.Count >= 1,
        };
        return !cleared ? GateState.InReview
            : approvals.Any(a => a.Vote == Vote.WithConditions) ? GateState.ApprovedWithConditions
            : GateState.Approved;
    }
}
