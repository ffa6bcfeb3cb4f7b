namespace ElearningRollout.Domain.Gates;

/// <summary>One reviewer's part of a round as the outcome counts it: their group (if any) and their decision so far.</summary>
public readonly record struct ReviewVote(string? GroupName, GateDecision? Decision);

/// <summary>
/// How a round's outcome follows its reviewers' decisions under a policy's rule: any rejection rejects (a send-back to
/// Training is one reviewer's choice); otherwise the round is approved once the quorum approves (one approval; M
/// approvals; an approval in every group), with conditions when any approval carried them (the conditions are the
/// union of everyone's); until then it has no outcome.
/// </summary>
public static class ApprovalOutcome
{
    /// <returns>The round's decision, or null while it waits for more decisions.</returns>
    public static GateDecision? Of(ApprovalRule rule, int requiredApprovals, IReadOnlyCollection<ReviewVote> votes)
    {
        if (votes.Any(v => v.Decision == GateDecision.Rejected))
        {
            return GateDecision.Rejected;
        }

        var approvals = votes.Where(v => IsApproval(v.Decision)).ToList();
        var reached = rule switch
        {
            ApprovalRule.MOfNamedReviewers => approvals.Count >= requiredApprovals,
            ApprovalRule.OneFromEachGroup => votes.Select(v => v.GroupName).Distinct().All(g => approvals.Any(a => a.GroupName == g)),
            _ => approvals.Count >= 1,
        };
        if (!reached)
        {
            return null;
        }

        return approvals.Any(a => a.Decision == GateDecision.ApprovedWithConditions) ? GateDecision.ApprovedWithConditions : GateDecision.Approved;
    }

    public static bool IsApproval(GateDecision? decision) => decision is GateDecision.Approved or GateDecision.ApprovedWithConditions;
}
