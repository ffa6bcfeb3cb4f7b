namespace ElearningRollout.Domain.Gates;

/// <summary>How many reviewers must approve a gate before it clears (the quorum of an <see cref="ApprovalPolicy"/>).</summary>
public enum ApprovalRule
{
    /// <summary>One approval from the reviewer the submitter picks (or anyone holding the deciding role): the product's original behaviour.</summary>
    AnyOneReviewer,

    /// <summary>M approvals out of the N reviewers the policy names.</summary>
    MOfNamedReviewers,

    /// <summary>One approval from each of the policy's groups (for example one IT security lead and one infrastructure lead).</summary>
    OneFromEachGroup,
}

/// <summary>One group of a <see cref="ApprovalRule.OneFromEachGroup"/> policy: a name and the people in it.</summary>
public sealed record ReviewerGroup(string Name, IReadOnlyList<string> MemberIds);

/// <summary>What an administrator publishes as the next version of a gate kind's approval policy.</summary>
/// <param name="NamedReviewerIds">For <see cref="ApprovalRule.MOfNamedReviewers"/>; ignored otherwise.</param>
/// <param name="Groups">For <see cref="ApprovalRule.OneFromEachGroup"/>; ignored otherwise.</param>
/// <param name="EscalateToId">The person an overdue review is escalated to; null for nobody.</param>
/// <param name="DecidingRole">Who decides (one of <see cref="GateApprovalPolicy.DecidingRoles"/>); null keeps the current version's.</param>
public sealed record ApprovalPolicyEdit(
    ApprovalRule Rule,
    int RequiredApprovals,
    IReadOnlyList<string> NamedReviewerIds,
    IReadOnlyList<ReviewerGroup> Groups,
    int DeadlineWorkingDays,
    string? EscalateToId,
    string? DecidingRole = null);
